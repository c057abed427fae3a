namespace CpsSupport.Features.Documents;

/// <summary>One page of HTML to print on A4.</summary>
/// <param name="Html">A self-contained page (<see cref="DocumentHtml.Html"/>): nothing is fetched while printing.</param>
/// <param name="FooterReference">Printed at the bottom left of every page (form number and version); « Page X / Y » goes on the right.</param>
/// <param name="FooterCss">Style of the footer (<see cref="TemplateStore.ReadFooterStylesheet"/>): CSS for the <c>@page</c> margin boxes <c>@bottom-left</c> and <c>@bottom-right</c>.</param>
public sealed record PdfRenderRequest(string Html, string FooterReference, string FooterCss = "");
