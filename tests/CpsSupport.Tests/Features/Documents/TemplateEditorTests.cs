using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Documents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>The supervisors' editor, on a copy of the repository's templates: nothing is saved that does not render.</summary>
public sealed class TemplateEditorTests : IDisposable
{
    private static readonly AccessScope Supervisor = new(Guid.NewGuid(), true, true, new HashSet<Guid>());
    private readonly string _root = Directory.CreateTempSubdirectory("cps-templates-edit-").FullName;
    private readonly TemplateStore _store;
    private readonly TemplateEditor _editor;

    public TemplateEditorTests()
    {
        var source = Path.Combine(RepositoryRoot.Path, "templates");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var options = Options.Create(new DocumentOptions { TemplatesRoot = _root });
        _store = new TemplateStore(options);
        _editor = new TemplateEditor(_store, new DocumentTemplateRenderer(_store, options), new MutableClock(Paris.At(2026, 11, 24, 10)),
            new SystemActor("Nadia Superviseure"), NullLogger<TemplateEditor>.Instance);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Every_form_and_letter_is_listed_and_renders_its_sample_request()
    {
        var listed = _editor.List();

        Assert.Equal(DocumentCatalog.All.Select(d => d.Template), listed.Select(t => t.Template));
        foreach (var template in listed)
        {
            var html = await _editor.PreviewAsync(template.Template, _editor.Read(template.Template));
            Assert.Contains("REQ-EXEMPLE", html.Html);
        }
    }

    [Fact]
    public async Task A_broken_change_is_refused_with_its_line_and_the_file_is_left_as_it_was()
    {
        var before = _editor.Read("letters/decision");
        var broken = before.Replace("{%- if reason %}", "{%- if reason", StringComparison.Ordinal);
        var unknown = before.Replace("{{ reason }}", "{{ motif }}", StringComparison.Ordinal);

        var syntax = await Assert.ThrowsAsync<TemplateException>(() => _editor.SaveAsync(Supervisor, "letters/decision", broken));
        var variable = await Assert.ThrowsAsync<TemplateException>(() => _editor.SaveAsync(Supervisor, "letters/decision", unknown));

        Assert.StartsWith("Le modèle letters/decision.liquid contient une erreur ligne ", syntax.Message);
        Assert.NotNull(syntax.Line);
        var line = unknown.Split('\n').ToList().FindIndex(l => l.Contains("{{ motif }}", StringComparison.Ordinal)) + 1;
        Assert.Equal($"Le modèle letters/decision.liquid contient une erreur ligne {line} : variable inconnue « motif »", variable.Message);
        Assert.Equal(before, _editor.Read("letters/decision"));
    }

    [Fact]
    public async Task A_valid_change_is_saved_and_used_by_the_next_document()
    {
        var text = _editor.Read("letters/decision").Replace("Objet : décision sur", "Objet : réponse à", StringComparison.Ordinal);

        var saved = await _editor.SaveAsync(Supervisor, "letters/decision", text);

        Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(_root, "letters/decision.liquid")));
        Assert.Equal(new FileInfo(Path.Combine(_root, "letters/decision.liquid")).Length, saved.Length);
        Assert.Contains("Objet : réponse à", (await _editor.PreviewAsync("letters/decision", _editor.Read("letters/decision"))).Html);
    }

    [Fact]
    public async Task Only_supervisors_save_and_only_catalog_templates_are_edited()
    {
        var agent = new AccessScope(Guid.NewGuid(), true, false, new HashSet<Guid>());

        var refused = await Assert.ThrowsAsync<DocumentException>(() => _editor.SaveAsync(agent, "letters/decision", "x"));
        var partial = Assert.Throws<DocumentException>(() => _editor.Read("partials/header"));
        var outside = Assert.Throws<DocumentException>(() => _editor.Read("../../etc/passwd"));

        Assert.Equal("Seul un superviseur modifie les modèles de documents.", refused.Message);
        Assert.Equal("« partials/header » n'est pas un modèle de document modifiable.", partial.Message);
        Assert.Contains("n'est pas un modèle de document modifiable", outside.Message);
    }
}
