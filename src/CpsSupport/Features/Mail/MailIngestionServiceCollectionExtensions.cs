using CpsSupport.Features.Documents;
using CpsSupport.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CpsSupport.Features.Mail;

public static class MailIngestionServiceCollectionExtensions
{
    /// <summary>
    /// Incoming mail: reading the mailbox, tickets from mail, quarantine. Needs an <see cref="IMailOutbox"/> (outgoing
    /// mail, registered with the delivery side) for the acknowledgements.
    /// </summary>
    public static IServiceCollection AddCpsMailIngestion(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.TryAddSingleton<FilledFormReader>();
        services.TryAddSingleton<MailIngestionHooks>();
        services.AddScoped<MailIngestionService>();
        services.AddScoped<MailFetcher>();
        services.AddScoped<MailSupervisionService>();
        services.AddScoped<FetchMailJob>();
        // Does nothing unless Mail:Source is Imap and Mail:Imap:UseIdle is on.
        services.AddHostedService<MailIdleListener>();
        return services;
    }
}
