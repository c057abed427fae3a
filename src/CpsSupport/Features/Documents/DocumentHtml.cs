namespace CpsSupport.Features.Documents;

/// <summary>A template rendered with its model: a self-contained HTML page (styles and fonts inlined), used as the preview and printed to PDF.</summary>
/// <param name="TemplateName">Path of the template, with its extension (<c>forms/f501.liquid</c>).</param>
/// <param name="Title">The template's <c>document_title</c>, e.g. « Déclaration d'incident sur carte CPx ».</param>
/// <param name="Reference">The template's <c>document_reference</c> printed in every page footer, e.g. « F501 · version 2026.1 ».</param>
/// <param name="FooterCss">Style of the page footer (<c>assets/footer.css</c>: <c>@page</c> margin boxes).</param>
public sealed record DocumentHtml(string TemplateName, string Title, string Reference, string Html, string FooterCss);
