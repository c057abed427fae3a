using System.Diagnostics;
using CpsSupport.Data;
using CpsSupport.Features.Mail;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CpsSupport.Bench.Features.Mail;

/// <summary>
/// Plain timed run (not BenchmarkDotNet: one end-to-end pass is the measure): a private Dovecot on loopback is filled
/// with N messages, then <see cref="MailFetcher"/> ingests them (fetch, parse, thread, store, flag, move) into a fresh
/// migrated PostgreSQL. Reports messages per second, peak working set and peak GC heap; a second pass holds 20 MB attachments.
/// <c>dotnet run -c Release --project bench/CpsSupport.Bench -- --mail [count]</c>
/// </summary>
public static class MailIngestionRun
{
    public static async Task<int> RunAsync(int count, TextWriter log)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cps-bench-mail-pg-{Guid.NewGuid():N}"[..36]);
        var port = System.Net.Sockets.TcpListener.Create(0) is var l ? Start(l) : 0;
        var cluster = await LocalPostgresCluster.StartAsync(directory, port, fast: true);
        try
        {
            log.WriteLine($"Load average before: {Load()}");
            await RunPassAsync(cluster, "small", count, bigAttachments: 0, log);
            await RunPassAsync(cluster, "big", 200, bigAttachments: 5, log);
            log.WriteLine($"Load average after: {Load()}");
            return 0;
        }
        finally
        {
            await cluster.StopAsync();
            try { Directory.Delete(directory, true); } catch (IOException) { }
        }
    }

    private static async Task RunPassAsync(LocalPostgresCluster cluster, string name, int count, int bigAttachments, TextWriter log)
    {
        var database = $"cps_bench_mail_{name}";
        await cluster.EnsureDatabaseAsync(database);
        var connection = cluster.ConnectionString(database);
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddCpsSupport(connection);
        // The real outbox: the acknowledgement (hourly limit, template, threading headers) is part of the measure.
        services.AddCpsMailDelivery(configuration);
        int imapPort = 0;
        services.Configure<MailOptions>(m =>
        {
            m.Source = "Imap";
            m.Imap.Host = "127.0.0.1";
            m.Imap.Port = imapPort;
            m.Imap.Security = "None";
            m.Imap.User = TestDovecot.User;
            m.Imap.Password = TestDovecot.Password;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<CpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync()) await db.Database.MigrateAsync();

        await using var dovecot = await TestDovecot.StartAsync();
        imapPort = dovecot.Port;
        var fill = Stopwatch.StartNew();
        using (var client = await dovecot.ConnectAsync())
        {
            var inbox = client.Inbox;
            foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
            {
                var requests = chunk.Select(i => (MailKit.IAppendRequest)new MailKit.AppendRequest(Message(i, i < bigAttachments))).ToList();
                await inbox.AppendAsync(requests);
            }
            await client.DisconnectAsync(true);
        }
        log.WriteLine($"[{name}] {count} messages appended to Dovecot in {fill.Elapsed.TotalSeconds:0.0} s");

        await using var scope = provider.CreateAsyncScope();
        var fetcher = scope.ServiceProvider.GetRequiredService<MailFetcher>();
        var phases = new MailPhaseTimes();
        scope.ServiceProvider.GetRequiredService<MailIngestionHooks>().Phases = phases;

        GC.Collect();
        long peakHeap = 0;
        using var sampler = new Timer(_ => { var h = GC.GetTotalMemory(false); if (h > Interlocked.Read(ref peakHeap)) Interlocked.Exchange(ref peakHeap, h); }, null, 0, 50);
        var before = Process.GetCurrentProcess().PeakWorkingSet64;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(CancellationToken.None);
        watch.Stop();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime - cpuBefore;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var tickets = await db.Tickets.CountAsync();
            var acknowledgements = await db.OutgoingMails.CountAsync();
            log.WriteLine($"[{name}] {result.Total} messages ingested ({result.Processed} processed, {result.Quarantined} quarantined, {tickets} tickets, "
                + $"{acknowledgements} acknowledgements) in {watch.Elapsed.TotalSeconds:0.0} s = {result.Total / watch.Elapsed.TotalSeconds:0} msg/s; "
                + $"peak working set {process.PeakWorkingSet64 / 1048576} MB (before {before / 1048576} MB), peak GC heap {Interlocked.Read(ref peakHeap) / 1048576} MB");
            log.WriteLine($"[{name}] CPU: bench process {cpu.TotalSeconds:0.0} s = {cpu.TotalMilliseconds / Math.Max(1, result.Total):0.00} ms/msg (Dovecot and PostgreSQL not counted)");
            log.WriteLine($"[{name}] Wall time per phase (summed; nested phases inside 'ingest (total)'):");
            foreach (var (phase, total, n) in phases.Snapshot())
                log.WriteLine($"    {phase,-45} {total.TotalSeconds,8:0.000} s  {total.TotalMilliseconds / Math.Max(1, result.Total),7:0.000} ms/msg  ({n} measures)");
        }
        var (left, _) = await dovecot.CountAsync("INBOX");
        var (moved, seen) = await dovecot.CountAsync("Traités");
        log.WriteLine($"[{name}] INBOX left {left}, Traités {moved} ({seen} \\Seen)");
    }

    private static MimeMessage Message(int i, bool big)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress($"Demandeur {i}", $"user{i % 2000}@cabinet{i % 50}.example"));
        message.To.Add(MailboxAddress.Parse("support@cpssupport.test"));
        message.Subject = (i % 3) switch { 0 => "Carte CPS perdue", 1 => "Code PIN bloqué", _ => "Lecteur non reconnu" } + $" ({i})";
        message.MessageId = $"bench-{i}-{Guid.NewGuid():N}@cabinet.example";
        var body = new TextPart("plain") { Text = $"Bonjour,\n\nJ'ai un problème avec ma carte CPS (demande {i}). Merci de votre aide.\n\nCordialement" };
        if (!big)
        {
            message.Body = body;
            return message;
        }
        var content = new byte[20 * 1024 * 1024];
        Random.Shared.NextBytes(content);
        message.Body = new Multipart("mixed") { body, new MimePart("application", "octet-stream") { FileName = $"scan-{i}.bin", Content = new MimeContent(new MemoryStream(content)), ContentTransferEncoding = ContentEncoding.Base64 } };
        return message;
    }

    private static int Start(System.Net.Sockets.TcpListener listener)
    {
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
