using System.Diagnostics;
using System.Globalization;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Builders;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace CpsSupport.Bench.Features.Documents;

/// <summary>
/// Plain timed runner (not BenchmarkDotNet: it measures throughput under concurrency and the memory of a process tree)
/// of the document pipeline as <see cref="DocumentService"/> uses it: <see cref="DocumentRenderer.RenderAsync"/> =
/// Liquid template to HTML (Fluid) + print to A4 PDF by the pooled Chromium. The model is the sample F504 request of
/// the template editor, a one-page form. Phases, on one warm renderer:
/// 1. warm-up (launch of Chromium and first pages, not measured);
/// 2. latency: documents one after another, each timed;
/// 3. sustained: N concurrent callers for a fixed time, documents per second and each document's time;
/// all along, the memory of this process and of every process below it (Playwright driver, Chromium) sampled from /proc.
/// </summary>
public static class DocumentRenderBenchmark
{
    public sealed record Settings(int Pool, int Callers, int Sequential, TimeSpan Sustained, string Template, bool Tagged = true, int Warmup = 100)
    {
        public static Settings Parse(IReadOnlyList<string> args)
        {
            var pool = new PdfRendererOptions().MaxConcurrency;
            int callers = 4, sequential = 200, seconds = 30, warmup = 100;
            var template = "forms/f504";
            for (var i = 0; i < args.Count - 1; i++)
            {
                switch (args[i])
                {
                    case "--pool": pool = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--callers": callers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--sequential": sequential = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--template": template = args[++i]; break;
                    case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                }
            }

            return new Settings(pool, callers, sequential, TimeSpan.FromSeconds(seconds), template, !args.Contains("--untagged"), warmup);
        }
    }

    public static async Task<int> RunAsync(Settings settings, TextWriter output)
    {
        var documentOptions = Options.Create(new DocumentOptions());
        using var store = new TemplateStore(documentOptions);
        var templates = new DocumentTemplateRenderer(store, documentOptions);
        var pdfOptions = new PdfRendererOptions { MaxConcurrency = settings.Pool, TaggedPdf = settings.Tagged };
        await using var pdf = new ChromiumPdfRenderer(Options.Create(pdfOptions));
        var renderer = new DocumentRenderer(templates, pdf, TimeProvider.System);
        var definition = DocumentCatalog.Find(settings.Template) ?? throw new ArgumentException($"Unknown template {settings.Template}");
        var model = definition.Build(DocumentSamples.For(definition, new DateOnly(2026, 12, 4)));

        output.WriteLine($"Documents benchmark: {settings.Template} (sample request), {(settings.Tagged ? "tagged" : "untagged")} PDF, pool of {settings.Pool} pages in one Chromium ({pdfOptions.ExecutablePath}), "
                         + $"{Environment.ProcessorCount} cores, load average before: {LoadAverage()}");
        await using var memory = new ProcessTreeMemory(TimeSpan.FromMilliseconds(250));

        // 1. Warm-up: launch, one page per slot, JIT of the whole path.
        var first = Stopwatch.StartNew();
        var sample = await renderer.RenderAsync(definition.Template, model);
        output.WriteLine($"First document (Chromium launch included): {first.Elapsed.TotalMilliseconds:0} ms, {sample.Pdf.Length:N0} bytes, {PageCount(sample.Pdf)} page(s)");
        await Task.WhenAll(Enumerable.Range(0, Math.Max(settings.Pool, settings.Callers) * 5).Select(_ => renderer.RenderAsync(definition.Template, model)));
        // The .NET side (Playwright's protocol code above all) is still being recompiled by tiered JIT after a few dozen
        // documents: a warm renderer has printed some more, one at a time, as the latency phase does.
        for (var i = 0; i < settings.Warmup; i++)
        {
            await renderer.RenderAsync(definition.Template, model);
        }

        // What Chromium and the rest burn with nothing to print (frames, timers), charged to no document.
        var idleBefore = ProcessTreeCpu.Take();
        var idleSampler = memory.SamplerCpu;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = ProcessTreeCpu.Take() - idleBefore;
        output.WriteLine($"Warm-up: {Math.Max(settings.Pool, settings.Callers) * 5} concurrent + {settings.Warmup} sequential documents; idle for 3 s afterwards: "
                         + $"Chromium {idle.Chromium.TotalMilliseconds / 3:0.0} ms CPU/s, driver {idle.Driver.TotalMilliseconds / 3:0.0} ms/s, .NET {(idle.Dotnet - (memory.SamplerCpu - idleSampler)).TotalMilliseconds / 3:0.0} ms/s");

        // 2. Latency, one at a time.
        var cpuBefore = ProcessTreeCpu.Take();
        var samplerBefore = memory.SamplerCpu;
        var sequential = new List<double>(settings.Sequential);
        for (var i = 0; i < settings.Sequential; i++)
        {
            var timer = Stopwatch.StartNew();
            await renderer.RenderAsync(definition.Template, model);
            sequential.Add(timer.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"Sequential, {sequential.Count} documents: {Describe(sequential)}");
        output.WriteLine($"  CPU per document: {DescribeCpu(ProcessTreeCpu.Take() - cpuBefore, memory.SamplerCpu - samplerBefore, sequential.Count)}");
        var afterSequential = LoadAverage();

        // 3. Sustained, N callers in a loop for a fixed time.
        var concurrent = new List<double>();
        cpuBefore = ProcessTreeCpu.Take();
        samplerBefore = memory.SamplerCpu;
        var clock = Stopwatch.StartNew();
        var deadline = settings.Sustained;
        await Task.WhenAll(Enumerable.Range(0, settings.Callers).Select(async _ =>
        {
            while (clock.Elapsed < deadline)
            {
                var timer = Stopwatch.StartNew();
                await renderer.RenderAsync(definition.Template, model);
                var ms = timer.Elapsed.TotalMilliseconds;
                lock (concurrent) concurrent.Add(ms);
            }
        }));
        var elapsed = clock.Elapsed;
        var sustainedCpu = ProcessTreeCpu.Take() - cpuBefore;
        var sustainedSampler = memory.SamplerCpu - samplerBefore;
        output.WriteLine($"Sustained, {settings.Callers} concurrent callers for {elapsed.TotalSeconds:0.0} s: {concurrent.Count} documents, "
                         + $"{concurrent.Count / elapsed.TotalSeconds:0.0} documents/s; per document {Describe(concurrent)}");
        output.WriteLine($"  CPU per document: {DescribeCpu(sustainedCpu, sustainedSampler, concurrent.Count)}; "
                         + $"{Environment.ProcessorCount} cores at this cost: at most {Environment.ProcessorCount / ((sustainedCpu.Total - sustainedSampler).TotalSeconds / concurrent.Count):0.0} documents/s");

        await memory.DisposeAsync();
        var peak = memory.PeakChromium;
        var total = memory.PeakTotal;
        output.WriteLine($"Peak memory ({memory.Samples} samples every 250 ms): Chromium tree {Mb(peak.ChromiumRss)} RSS summed over {peak.ChromiumProcesses} processes "
                         + $"({Mb(peak.ChromiumPss)} PSS); whole tree at its peak {Mb(total.TotalRss)} RSS = Chromium {Mb(total.ChromiumRss)} + Playwright driver {Mb(total.DriverRss)} + .NET {Mb(total.DotnetRss)}");
        output.WriteLine($"Load average after latency phase: {afterSequential}; after sustained phase: {LoadAverage()}");
        return 0;
    }

    private static string Describe(List<double> ms)
    {
        var sorted = ms.Order().ToArray();
        return $"p50 {Percentile(sorted, 0.50):0.0} ms, p95 {Percentile(sorted, 0.95):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, min {sorted[0]:0.0} ms, max {sorted[^1]:0.0} ms, mean {sorted.Average():0.0} ms";
    }

    // The memory sampler's own CPU (charged to .NET) is left out: it depends on the time the phase lasts, not on the documents.
    private static string DescribeCpu(ProcessTreeCpu cpu, TimeSpan sampler, int documents)
    {
        static string Ms(TimeSpan t, int n) => $"{t.TotalMilliseconds / n:0.0} ms";
        return $"{Ms(cpu.Total - sampler, documents)} (Chromium {Ms(cpu.Chromium, documents)}, Playwright driver {Ms(cpu.Driver, documents)}, "
               + $".NET {Ms(cpu.Dotnet - sampler, documents)}; memory sampler left out: {sampler.TotalMilliseconds:0} ms in all)";
    }

    // Nearest-rank percentile.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Mb(long bytes) => $"{bytes / 1024d / 1024d:0} MB";

    private static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
