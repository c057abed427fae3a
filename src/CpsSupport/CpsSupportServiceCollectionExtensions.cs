using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
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
        return services;
    }
}
