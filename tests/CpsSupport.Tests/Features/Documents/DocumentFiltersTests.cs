namespace CpsSupport.Tests.Features.Documents;

/// <summary>The French filters of document templates.</summary>
public sealed class DocumentFiltersTests : IDisposable
{
    private readonly TempTemplates _templates = new();

    public void Dispose() => _templates.Dispose();

    private Task<string> RenderAsync(string template, SampleModel? model = null)
    {
        _templates.Write("forms/t.liquid", template);
        return _templates.BodyAsync("forms/t", model ?? SampleModel.Default());
    }

    [Theory]
    [InlineData("{{ on | date }}", "23/11/2026")]
    [InlineData("{{ on | date: '%Y' }}", "2026")]
    [InlineData("{{ on | date_long }}", "23 novembre 2026")]
    [InlineData("{{ siret | identifier: 'siret' }}", "732 829 320 00074")]
    [InlineData("{{ '732829320' | identifier: 'siren' }}", "732 829 320")]
    [InlineData("{{ ' 8997 0002 6547 ' | identifier: 'national_id' }}", "899700026547")]
    [InlineData("{{ '2a0000042' | identifier: 'finess' }}", "2A0000042")]
    [InlineData("{{ '01.45.67.89.01' | phone }}", "01 45 67 89 01")]
    [InlineData("{{ '+33145678901' | phone }}", "+33 1 45 67 89 01")]
    [InlineData("{{ '3620' | phone }}", "3620")]
    [InlineData("{{ kind }}", "codes_not_received")]
    [InlineData("{{ holder.last_name | upcase }} {{ holder.first_name }}", "DURAND Élise")]
    public async Task Formats_values_the_French_way(string template, string expected) =>
        Assert.Equal(expected, await RenderAsync(template));

    [Fact]
    public async Task First_day_of_a_month_is_an_ordinal() =>
        Assert.Equal("1er décembre 2026", await RenderAsync("{{ on | date_long }}", SampleModel.Default() with { On = new DateOnly(2026, 12, 1) }));

    [Fact]
    public async Task Checkbox_is_ticked_by_a_true_value_or_a_matching_one()
    {
        var html = await RenderAsync("{{ flag | checkbox }}|{{ kind | checkbox: 'codes_not_received' }}|{{ kind | checkbox: 'theft' }}|{{ flag | checkbox: false }}");

        var boxes = html.Split('|').Select(b => b.Contains('☒') ? "☒" : b.Contains('☐') ? "☐" : "?");
        Assert.Equal("☒☒☐☐", string.Concat(boxes));
        Assert.Contains("<span class=\"checkbox checked\"", html);
    }

    [Fact]
    public async Task Loops_over_lists()
    {
        Assert.Equal("Copie de la pièce d'identité;Formulaire signé;", await RenderAsync("{% for piece in pieces %}{{ piece }};{% endfor %}"));
    }

    [Fact]
    public async Task Unknown_identifier_kind_is_a_template_error()
    {
        var error = await Assert.ThrowsAsync<CpsSupport.Features.Documents.TemplateException>(() => RenderAsync("{{ siret | identifier: 'nir' }}"));

        Assert.Contains("type d'identifiant inconnu « nir »", error.Message);
    }
}
