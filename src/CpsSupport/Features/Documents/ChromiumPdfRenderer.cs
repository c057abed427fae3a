using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CpsSupport.Features.Documents;

/// <summary>
/// Prints HTML to A4 PDF with one long-lived headless Chromium driven by Playwright. At most
/// <see cref="PdfRendererOptions.MaxConcurrency"/> documents print at once, each in its own browser
/// context that is reused by the next document; a document that takes longer than
/// <see cref="PdfRendererOptions.DocumentTimeout"/> fails and its context is discarded. When Chromium
/// crashes or disconnects, it is launched again and the document that was printing is retried once.
/// Register as a singleton.
/// </summary>
public sealed partial class ChromiumPdfRenderer : IAsyncDisposable
{
    // Every @font-face of the page loaded (a face that fails to load must not fail the document: fonts.ready semantics).
    private const string LoadFontsScript =
        "() => Promise.all(Array.from(document.fonts, f => f.load().catch(() => null))).then(() => document.fonts.ready).then(() => true)";

    // The markup was checked by PrintableHtml.Split: nothing in it runs or loads, so the body is complete once parsed.
    private const string SwapBodyScript =
        "({ title, body }) => { document.title = title; document.body.innerHTML = body; return document.fonts.ready.then(() => true); }";

    private readonly PdfRendererOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    // Last in, first out: with fewer documents than pages at a time, the same page (and renderer process, with its warm
    // caches) prints them all instead of taking turns with pages that went cold.
    private readonly ConcurrentStack<PooledPage> _idlePages = [];
    private IPlaywright? _playwright;
    private volatile IBrowser? _browser;
    private int _generation;
    private int _inFlight;
    private int _peakInFlight;
    private int _launchCount;
    private volatile bool _disposed;

    public ChromiumPdfRenderer(IOptions<PdfRendererOptions> options, ILogger<ChromiumPdfRenderer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrency, 1, nameof(options));
        _logger = logger ?? NullLogger<ChromiumPdfRenderer>.Instance;
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    /// <summary>How many times Chromium was launched (1 after the first document, more after crashes).</summary>
    internal int LaunchCount => Volatile.Read(ref _launchCount);

    /// <summary>Most documents seen printing at the same time.</summary>
    internal int PeakConcurrency => Volatile.Read(ref _peakInFlight);

    /// <summary>Test seam: runs once a page is loaded, just before it prints (the tests crash Chromium there).</summary>
    internal Func<IPage, Task>? BeforePrint { get; set; }

    /// <summary>Prints <paramref name="request"/> to PDF bytes, waiting for a free slot first.</summary>
    /// <exception cref="DocumentRenderException">Timeout, Chromium missing, or Chromium lost twice in a row.</exception>
    public async Task<byte[]> RenderAsync(PdfRenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _peakInFlight, inFlight);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                PooledPage page;
                try
                {
                    page = await TakePageAsync(cancellationToken);
                }
                catch (PlaywrightException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The browser may die between the connection check and the new page: same rule as a crash while printing.
                    if (attempt > 1) throw new DocumentRenderException("Le navigateur d'impression a échoué deux fois de suite.", e);
                    _logger.LogWarning(e, "Opening a page failed; retrying once");
                    continue;
                }

                try
                {
                    var pdf = await PrintAsync(page, request, cancellationToken);
                    _idlePages.Push(page);
                    return pdf;
                }
                catch (PlaywrightException e) when (attempt == 1 && !cancellationToken.IsCancellationRequested)
                {
                    // Usually the browser died under the page: the next attempt gets a relaunched one.
                    _logger.LogWarning(e, "Printing failed (browser connected: {Connected}); retrying once on a fresh page", page.Browser.IsConnected);
                    await DiscardAsync(page);
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
                {
                    await DiscardAsync(page);
                    throw new DocumentRenderException(
                        $"Le document n'a pas pu être produit en {_options.DocumentTimeout.TotalSeconds:0} s.", e);
                }
                catch (PlaywrightException e)
                {
                    await DiscardAsync(page);
                    throw new DocumentRenderException("Le navigateur d'impression a échoué deux fois de suite.", e);
                }
                catch
                {
                    await DiscardAsync(page);
                    throw;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }

    private async Task<byte[]> PrintAsync(PooledPage pooled, PdfRenderRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DocumentTimeout);
        var page = pooled.Page;
        var parts = PrintableHtml.Split(request.Html);
        var footer = FooterStyle(request);
        if (parts is not null && parts.Shell == pooled.Shell)
        {
            // Same stylesheet and fonts as the page holds, all loaded already: only the title and the body change.
            await page.EvaluateAsync(SwapBodyScript, new { title = parts.Title, body = footer + parts.Body }).WaitAsync(timeout.Token);
        }
        else
        {
            pooled.Shell = null;
            await page.SetContentAsync(WithFooter(request.Html, footer), new PageSetContentOptions
            {
                WaitUntil = WaitUntilState.Load,
                Timeout = (float)_options.DocumentTimeout.TotalMilliseconds,
            }).WaitAsync(timeout.Token);
            // Fonts come as data: URLs, decoded on first use; load every face now, so that no text is printed in a
            // fallback font, and so that the next documents swapped into this page find them all loaded.
            await page.EvaluateAsync(LoadFontsScript).WaitAsync(timeout.Token);
            pooled.Shell = parts?.Shell;
        }

        if (BeforePrint is { } beforePrint)
        {
            await beforePrint(page);
        }

        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            PreferCSSPageSize = true,
            Tagged = _options.TaggedPdf,
            // The page's own @page margin wins; this one is for markup without a stylesheet (room for the footer).
            Margin = new Margin { Top = "12mm", Right = "15mm", Bottom = "16mm", Left = "15mm" },
            // The footer is drawn by the page itself (@page margin boxes, FooterStyle): Chromium's header and footer
            // templates are separate documents laid out and painted for every page, a fifth of the print's CPU.
            DisplayHeaderFooter = false,
        }).WaitAsync(timeout.Token);
    }

    /// <summary>
    /// The page footer as CSS page-margin boxes of the document itself: the reference at the bottom left, « Page X / Y »
    /// at the bottom right (<c>counter(pages)</c> is the total). A plain default style comes first, then the request's
    /// footer stylesheet (<c>assets/footer.css</c>), then the content. Goes first in the body, so that it is swapped
    /// with it and the shell stays the same for every document.
    /// </summary>
    public static string FooterStyle(PdfRenderRequest request) => $$"""
        <style>
        @page {
          @bottom-left { content: {{CssString(request.FooterReference)}}; font-family: sans-serif; font-size: 7.5pt; vertical-align: middle; }
          @bottom-right { content: "Page " counter(page) " / " counter(pages); font-family: sans-serif; font-size: 7.5pt; vertical-align: middle; }
        }
        {{request.FooterCss.Replace("</", "<\\/", StringComparison.Ordinal)}}
        </style>
        """;

    // After <body ...> when there is one, else first (a fragment): never before a doctype.
    private static string WithFooter(string html, string footer)
    {
        var body = BodyStart().Match(html);
        return body.Success ? html.Insert(body.Index + body.Length, footer) : footer + html;
    }

    /// <summary>A CSS string literal: quotes, backslashes, line breaks and <c>&lt;</c> (no <c>&lt;/style&gt;</c>) escaped.</summary>
    internal static string CssString(string value)
    {
        var builder = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' || char.IsControl(c))
            {
                builder.Append('\\').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyStart();

    private async Task<PooledPage> TakePageAsync(CancellationToken cancellationToken)
    {
        while (_idlePages.TryPop(out var idle))
        {
            if (idle.Generation == Volatile.Read(ref _generation) && idle.Browser.IsConnected && !idle.Page.IsClosed)
            {
                return idle;
            }

            await DiscardAsync(idle);
        }

        var (browser, generation) = await EnsureBrowserAsync(cancellationToken);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            // Documents are self-contained: nothing may be fetched while printing.
            Offline = true,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        return new PooledPage(browser, context, await context.NewPageAsync(), generation);
    }

    private async Task<(IBrowser Browser, int Generation)> EnsureBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } current)
        {
            return (current, Volatile.Read(ref _generation));
        }

        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } launched)
            {
                return (launched, _generation);
            }

            if (_browser is not null)
            {
                _logger.LogWarning("Chromium is no longer connected; launching it again");
                await CloseQuietlyAsync(_browser);
            }

            _browser = await LaunchAsync();
            Interlocked.Increment(ref _generation);
            Interlocked.Increment(ref _launchCount);
            return (_browser, _generation);
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(_options.ExecutablePath))
        {
            throw new DocumentRenderException(
                $"Chromium est introuvable ({_options.ExecutablePath}) : installer le paquet chromium ou régler {PdfRendererOptions.Section}:ExecutablePath.");
        }

        var launchOptions = new BrowserTypeLaunchOptions
        {
            ExecutablePath = _options.ExecutablePath,
            Headless = true,
            Args = [.. PdfRendererOptions.DefaultArgs, .. _options.ExtraArgs],
            Timeout = (float)_options.LaunchTimeout.TotalMilliseconds,
        };
        _playwright ??= await Playwright.CreateAsync();
        IBrowser browser;
        try
        {
            browser = await _playwright.Chromium.LaunchAsync(launchOptions);
        }
        catch (PlaywrightException e)
        {
            // The Playwright driver itself may be the casualty: start a new one and try once more.
            _logger.LogWarning(e, "Chromium launch failed; restarting the Playwright driver");
            _playwright.Dispose();
            _playwright = await Playwright.CreateAsync();
            browser = await _playwright.Chromium.LaunchAsync(launchOptions);
        }

        browser.Disconnected += (_, b) => _logger.LogWarning("Chromium {Version} disconnected", b.Version);
        _logger.LogInformation("Chromium {Version} launched from {Path}", browser.Version, _options.ExecutablePath);
        return browser;
    }

    private async Task DiscardAsync(PooledPage page)
    {
        try
        {
            await page.Context.CloseAsync();
        }
        catch (PlaywrightException e)
        {
            // The context usually went down with its browser; nothing is left to close.
            _logger.LogDebug(e, "Closing a discarded browser context failed");
        }
    }

    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException e)
        {
            _logger.LogDebug(e, "Closing a lost browser failed");
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _launchLock.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private sealed record PooledPage(IBrowser Browser, IBrowserContext Context, IPage Page, int Generation)
    {
        /// <summary>What the page holds before its body (<see cref="PrintableHtml.Shell"/>), when a document can be swapped in.</summary>
        public string? Shell { get; set; }
    }
}
