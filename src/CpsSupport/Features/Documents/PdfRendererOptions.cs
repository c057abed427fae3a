namespace CpsSupport.Features.Documents;

/// <summary>How the headless Chromium that prints documents is run (configuration section <c>Documents:Pdf</c>).</summary>
public sealed class PdfRendererOptions
{
    public const string Section = "Documents:Pdf";

    /// <summary>Switches every launch gets: no sandbox (containers, root), no GPU, /tmp instead of a small /dev/shm.</summary>
    public static readonly IReadOnlyList<string> DefaultArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"];

    /// <summary>The system Chromium (Debian package <c>chromium</c>); Playwright downloads no browser here.</summary>
    public string ExecutablePath { get; set; } = "/usr/bin/chromium";

    /// <summary>Switches added after <see cref="DefaultArgs"/>.</summary>
    public string[] ExtraArgs { get; set; } = [];

    /// <summary>Documents printed at the same time, one browser context each; others wait their turn.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>
    /// Tagged (accessible) PDF: structure tree for screen readers and reflow. About a fifth of the print's CPU
    /// (bench/README.md, documents); kept on because the forms go to the public. Turn off only for bulk runs that need the throughput.
    /// </summary>
    public bool TaggedPdf { get; set; } = true;

    /// <summary>Longest time one document may take once it has a page; the page is thrown away after a timeout.</summary>
    public TimeSpan DocumentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time a (re)launch of Chromium may take.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
