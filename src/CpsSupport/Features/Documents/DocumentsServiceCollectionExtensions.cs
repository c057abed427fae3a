using CpsSupport.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CpsSupport.Features.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers templates and renderers as singletons (one Chromium per process), bound to the <c>Documents</c> and
    /// <c>Documents:Pdf</c> configuration sections, and the scoped <see cref="DocumentService"/>, template editor and
    /// bulk job, which need the data layer of <c>AddCpsSupport</c>.
    /// </summary>
    public static IServiceCollection AddCpsDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section));
        services.AddOptions<PdfRendererOptions>().Bind(configuration.GetSection(PdfRendererOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<DocumentTemplateRenderer>();
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<FilledFormReader>();
        services.AddScoped<FilledFormService>();
        services.AddScoped<DocumentService>();
        services.AddScoped<TemplateEditor>();
        services.AddScoped<RenderDocumentsJob>();
        return services;
    }
}
