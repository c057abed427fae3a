using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CpsSupport.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers a scoped <see cref="IDbContextFactory{CpsDbContext}"/> (scoped so the audit interceptor sees the
    /// current actor of the circuit, request or job), <see cref="TimeProvider"/> and a system actor by default.
    /// </summary>
    public static IServiceCollection AddCpsData(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor>(_ => new SystemActor());
        services.AddScoped<AuditInterceptor>();
        services.AddDbContextFactory<CpsDbContext>((sp, options) =>
        {
            ConfigureNpgsql(options, connectionString);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        }, ServiceLifetime.Scoped);
        return services;
    }

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
