using CpsSupport.Features.Orders;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Accounts;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.KnowledgeBase;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Mail;
using CpsSupport.Features.Requests;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.Tickets;
using CpsSupport.Features.Demo;
using CpsSupport.Features.Dashboard;
using CpsSupport.Features.People;
using CpsSupport.Features.StructurePortal;
using CpsSupport.Features.Structures;
using CpsSupport.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CpsSupport;

public static class CpsSupportServiceCollectionExtensions
{
    /// <summary>Registers the data layer and every feature service of the library.</summary>
    public static IServiceCollection AddCpsSupport(this IServiceCollection services, string connectionString)
    {
        services.AddCpsData(connectionString);
        services.AddScoped<AccessScopeService>();
        services.AddScoped<CardService>();
        services.AddScoped<StructureService>();
        services.AddScoped<PersonService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<CardExpiryService>();
        services.AddScoped<ExpireCardsJob>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton(BusinessCalendar.Default);
        services.AddSingleton<TicketSla>();
        services.AddScoped<TicketService>();
        services.AddScoped<TicketQueryService>();
        services.AddScoped<CallerLookupService>();
        services.AddScoped<SlaTargetService>();
        services.AddScoped<TicketEscalationService>();
        services.AddScoped<EscalateOverdueTicketsJob>();
        services.AddScoped<KnowledgeBaseService>();
        services.AddScoped<KnowledgeBaseSeeder>();
        // Needs Identity's UserManager, registered by the host (the web app or a test).
        services.AddScoped<DemoSeeder>();
        services.AddOptions<MissingPiecesOptions>().BindConfiguration(MissingPiecesOptions.Section);
        services.AddScoped<RequestService>();
        services.AddScoped<IncidentService>();
        services.AddScoped<StructureRequestService>();
        services.AddScoped<StructureFormDraftService>();
        services.AddScoped<RevocationListService>();
        services.AddScoped<FleetService>();
        services.AddScoped<EmployeeDepartureService>();
        services.AddScoped<RemindMissingPiecesJob>();
        services.AddScoped<OrderService>();
        services.AddScoped<OrderImportService>();
        services.AddScoped<AdvanceOrderProductionJob>();
        // Bound by the host to the "CardVerification" section; defaults to the production IGC-Santé.
        services.AddOptions<CardVerificationOptions>();
        services.AddSingleton<CardTrustStore>();
        services.AddScoped<CardVerificationService>();
        services.AddCpsMailIngestion();
        return services;
    }
}
