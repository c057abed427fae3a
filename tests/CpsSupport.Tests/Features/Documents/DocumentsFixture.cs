using System.Diagnostics;
using CpsSupport.Features.Documents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.Extensions.Options;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>
/// One Chromium for every documents test (launching it is the slow part), on the repository's templates.
/// Chromium is required: scripts/test.sh installs it; without it these tests fail, they do not skip.
/// </summary>
public sealed class DocumentsFixture : IAsyncLifetime
{
    /// <summary>Passed to Chromium so that the tests find, and kill, their own browser process only.</summary>
    public string ProcessMarker { get; } = "--cps-documents-tests=" + Guid.NewGuid().ToString("N");

    public DocumentsFixture()
    {
        var documentOptions = Options.Create(new DocumentOptions { TemplatesRoot = Path.Combine(RepositoryRoot.Path, "templates") });
        Store = new TemplateStore(documentOptions);
        Templates = new DocumentTemplateRenderer(Store, documentOptions);
        Pdf = new ChromiumPdfRenderer(Options.Create(new PdfRendererOptions
        {
            MaxConcurrency = 2,
            DocumentTimeout = TimeSpan.FromSeconds(20),
            ExtraArgs = [ProcessMarker],
        }));
        Renderer = new DocumentRenderer(Templates, Pdf, TimeProvider.System);
    }

    public TemplateStore Store { get; }
    public DocumentTemplateRenderer Templates { get; }
    public ChromiumPdfRenderer Pdf { get; }
    public DocumentRenderer Renderer { get; }

    public Task InitializeAsync()
    {
        var chromium = new PdfRendererOptions().ExecutablePath;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"{chromium} is missing: run the tests with scripts/test.sh, which installs Chromium.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Kills the main process of this fixture's Chromium, as a crash would, and waits until it is gone.</summary>
    public void KillBrowser() => Assert.True(TryKillBrowser() > 0, "no Chromium process of this fixture was running");

    /// <summary>Kills this fixture's Chromium if it runs; how many browser processes were killed.</summary>
    public int TryKillBrowser()
    {
        var killed = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue; // the process ended while we looked
            }

            // Chromium's helpers carry --type=renderer|gpu-process|…; the browser process does not.
            if (!commandLine.Contains(ProcessMarker, StringComparison.Ordinal) || commandLine.Contains("--type=", StringComparison.Ordinal)) continue;
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(5_000);
            killed++;
        }

        return killed;
    }

    public async Task DisposeAsync()
    {
        await Pdf.DisposeAsync();
        Store.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DocumentsCollection : ICollectionFixture<DocumentsFixture>
{
    public const string Name = "Documents";
}
