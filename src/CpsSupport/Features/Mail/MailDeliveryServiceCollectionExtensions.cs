using CpsSupport.Features.Documents;
using CpsSupport.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.Mail;

public static class MailDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbox (<see cref="IMailOutbox"/>), its templates, the sink chosen by <c>Mail:Sink</c> ("Folder", the
    /// default, or "Smtp"), the delivery service and job, and the supervisors' outbox service. Needs the data layer of
    /// <c>AddCpsSupport</c>; the templates folder is <c>Documents:TemplatesRoot</c>.
    /// </summary>
    public static IServiceCollection AddCpsMailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TemplateStore>();
        services.TryAddSingleton<MailTemplateRenderer>();
        services.TryAddSingleton<IMailSink>(sp =>
        {
            var sink = sp.GetRequiredService<IOptions<MailOptions>>().Value.Sink;
            return sink switch
            {
                "Smtp" => ActivatorUtilities.CreateInstance<SmtpMailSink>(sp),
                "Folder" => ActivatorUtilities.CreateInstance<FolderMailSink>(sp),
                _ => throw new InvalidOperationException($"Mail:Sink '{sink}' is not one of Folder, Smtp."),
            };
        });
        services.TryAddScoped<MailOutbox>();
        // The same instance under both names: the request reminders use the concrete type's notifications.
        services.TryAddScoped<IMailOutbox>(sp => sp.GetRequiredService<MailOutbox>());
        services.TryAddScoped<MailDeliveryService>();
        services.TryAddScoped<DeliverOutgoingMailJob>();
        services.TryAddScoped<OutgoingMailService>();
        return services;
    }
}
