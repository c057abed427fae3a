using System.Net;
using CpsSupport.Features.Documents;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Template errors name the template and line; edits on disk are picked up; secrets are refused.</summary>
public sealed class DocumentTemplateRendererTests : IDisposable
{
    private readonly TempTemplates _templates = new();

    public void Dispose() => _templates.Dispose();

    [Fact]
    public async Task Broken_syntax_names_the_template_and_line_in_French()
    {
        _templates.Write("forms/f501.liquid", "<h1>F501</h1>\n<p>{{ holder.last_name }}</p>\n<p>{{ holder.first_name | }}</p>\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));

        Assert.Equal("forms/f501.liquid", error.TemplateName);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("Le modèle forms/f501.liquid contient une erreur ligne 3 : ", error.Message);
    }

    [Fact]
    public async Task Unclosed_block_says_what_is_expected()
    {
        _templates.Write("forms/f501.liquid", "{% if flag %}\n<p>oui</p>\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));

        Assert.Contains("« {% endif %} » est attendu", error.Message);
    }

    [Fact]
    public async Task Unknown_member_is_an_error_naming_the_variable_and_its_line()
    {
        _templates.Write("forms/f501.liquid", "<p>\n{{ holder.first_name }}\n{{ kind }}\n<b>{{ holder.nom | upcase }}</b>\n</p>\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));

        Assert.Equal(4, error.Line);
        Assert.Equal("Le modèle forms/f501.liquid contient une erreur ligne 4 : variable inconnue « holder.nom »", error.Message);
    }

    [Fact]
    public async Task Unknown_top_level_variables_are_all_listed()
    {
        _templates.Write("letters/x.liquid", "{{ titulaire }}\n{{ 'titulaire' }} {{ dossier }}\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("letters/x", SampleModel.Default()));

        Assert.Equal(1, error.Line);
        Assert.Contains("variable inconnue « titulaire » (et aussi : « dossier »)", error.Message);
    }

    [Fact]
    public async Task Unknown_variable_in_a_partial_names_the_partial()
    {
        _templates.Write("partials/identity.liquid", "<span>{{ person.first_name }}</span>\n<span>{{ person.birthdate }}</span>\n");
        _templates.Write("forms/f501.liquid", "{% include 'partials/identity', person: holder %}\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));

        Assert.Equal("Le modèle partials/identity.liquid contient une erreur ligne 2 : variable inconnue « person.birthdate »", error.Message);
    }

    [Fact]
    public async Task Broken_partial_names_the_partial_and_its_line()
    {
        _templates.Write("partials/header.liquid", "<header>\n{% if %}\n</header>\n");
        _templates.Write("forms/f501.liquid", "{% include 'partials/header' %}\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));

        Assert.Equal("partials/header.liquid", error.TemplateName);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Missing_partial_and_missing_template_are_named()
    {
        _templates.Write("forms/f501.liquid", "<p>x</p>\n{% include 'partials/signature' %}\n");

        var missingPartial = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));
        var missingTemplate = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f999", SampleModel.Default()));

        Assert.Equal("Le modèle forms/f501.liquid contient une erreur ligne 2 : le modèle inclus « partials/signature.liquid » est introuvable", missingPartial.Message);
        Assert.StartsWith("Le modèle forms/f999.liquid contient une erreur : le fichier est introuvable", missingTemplate.Message);
    }

    [Fact]
    public async Task Unknown_filter_is_named_with_its_line()
    {
        _templates.Write("forms/f501.liquid", "{{ on | date }}\n{{ on | date_courte }}\n");

        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));

        Assert.Equal("Le modèle forms/f501.liquid contient une erreur ligne 2 : filtre inconnu « date_courte »", error.Message);
    }

    [Fact]
    public async Task Empty_optional_values_print_nothing_rather_than_fail()
    {
        _templates.Write("forms/f501.liquid", "[{{ holder.birth_date | date }}][{{ holder.email }}][{% if holder.phone %}tel{% endif %}]");

        Assert.Equal("[][][]", await _templates.BodyAsync("forms/f501", SampleModel.Default()));
    }

    [Fact]
    public async Task Edited_template_and_partial_are_used_by_the_next_render()
    {
        _templates.Write("partials/p.liquid", "partiel v1");
        _templates.Write("forms/f501.liquid", "v1 {% include 'partials/p' %}");
        Assert.Equal("v1 partiel v1", await _templates.BodyAsync("forms/f501", SampleModel.Default()));

        _templates.Write("forms/f501.liquid", "v2 {% include 'partials/p' %}");
        _templates.Write("partials/p.liquid", "partiel v2");

        Assert.Equal("v2 partiel v2", await _templates.BodyAsync("forms/f501", SampleModel.Default()));
    }

    [Fact]
    public async Task Templates_that_print_a_pin_or_unblock_code_are_refused()
    {
        _templates.Write("forms/a.liquid", "<p>{{ holder.last_name }}</p>\n<p>{{ card.code_pin }}</p>");
        _templates.Write("partials/codes.liquid", "\n\n{{ person.code_deblocage }}");
        _templates.Write("forms/b.liquid", "{% include 'partials/codes', person: holder %}");

        var inTemplate = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/a", SampleModel.Default()));
        var inPartial = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/b", SampleModel.Default()));

        Assert.Equal(2, inTemplate.Line);
        Assert.Contains("le champ « code_pin » est interdit", inTemplate.Message);
        Assert.Equal("partials/codes.liquid", inPartial.TemplateName);
        Assert.Equal(3, inPartial.Line);
    }

    [Fact]
    public async Task Models_that_carry_a_pin_or_unblock_code_are_refused()
    {
        _templates.Write("forms/f501.liquid", "{{ holder_name }}");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _templates.Renderer.RenderAsync("forms/f501", new ModelWithSecret("Élise Durand", "12345678")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _templates.Renderer.RenderAsync("forms/f501", new ModelWithNestedPin("Élise Durand", new CardWithPin("25", "1234"))));
    }

    [Fact]
    public async Task Title_and_reference_come_from_the_template_and_the_stylesheet_is_inlined()
    {
        _templates.Write("forms/f501.liquid",
            "{% assign document_title = \"Déclaration d'incident\" %}{% assign document_reference = 'F501 · version ' | append: '2026.1' %}corps");

        var html = await _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default());

        Assert.Equal("Déclaration d'incident", html.Title);
        Assert.Equal("F501 · version 2026.1", html.Reference);
        Assert.Contains($"<title>{WebUtility.HtmlEncode("Déclaration d'incident")}</title>", html.Html);
        Assert.Contains("body { margin: 0; }", html.Html);
    }

    [Fact]
    public async Task Stylesheet_fonts_become_data_urls_and_a_missing_asset_names_its_line()
    {
        _templates.Write("assets/fonts/f.woff2", "font-bytes");
        _templates.Write(TemplateStore.StylesheetPath, "@font-face { src: url('fonts/f.woff2'); }\nbody { margin: 0; }");
        _templates.Write("forms/f501.liquid", "x");

        var html = (await _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default())).Html;
        Assert.Contains($"url(data:font/woff2;base64,{Convert.ToBase64String("font-bytes"u8.ToArray())})", html);

        _templates.Write(TemplateStore.StylesheetPath, "body { margin: 0; }\n.logo { background: url(\"images/logo.png\"); }");
        var error = await Assert.ThrowsAsync<TemplateException>(() => _templates.Renderer.RenderAsync("forms/f501", SampleModel.Default()));
        Assert.Equal("Le modèle assets/print.css contient une erreur ligne 2 : la ressource « images/logo.png » est introuvable dans assets/", error.Message);
    }

    [Fact]
    public void Names_are_normalized_and_cannot_leave_the_templates_folder()
    {
        Assert.Equal("forms/f501.liquid", TemplateStore.NormalizeName("forms/f501"));
        Assert.Equal("forms/f501.liquid", TemplateStore.NormalizeName("forms\\f501.liquid"));
        Assert.Throws<ArgumentException>(() => TemplateStore.NormalizeName("../secrets/x"));
        Assert.Throws<ArgumentException>(() => TemplateStore.NormalizeName("/etc/passwd"));
    }
}
