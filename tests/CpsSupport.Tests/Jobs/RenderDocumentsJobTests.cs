using CpsSupport.Data;
using CpsSupport.Features.Documents;
using CpsSupport.Jobs;
using CpsSupport.Tests.Features.Documents;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CpsSupport.Tests.Jobs;

/// <summary>The bulk rendering job on a real Hangfire server and PostgreSQL storage, with Chromium crashing under it.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class RenderDocumentsJobTests(DocumentsFixture fixture)
{
    [Fact]
    public async Task A_browser_crash_during_rendering_fails_the_attempt_and_the_automatic_retry_succeeds()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
        };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(world.Database.ConnectionString, options), options);
        var crashing = true;
        var crashes = 0;
        // Chromium dies each time a page is about to print, the renderer's own retry included, until the first attempt has failed.
        // One document: with two printing at once, a kill could also catch a relaunch halfway and make the timing erratic.
        fixture.Pdf.BeforePrint = async page =>
        {
            if (!Volatile.Read(ref crashing)) return;
            Interlocked.Add(ref crashes, fixture.TryKillBrowser());
            // Print only once Playwright has seen the crash, as it would after a real one.
            for (var waited = 0; page.Context.Browser?.IsConnected == true && waited < 100; waited++) await Task.Delay(50);
        };

        try
        {
            var jobId = RenderDocumentsJob.Enqueue(new BackgroundJobClient(storage), DocumentWorld.Desk, "Lucie Moreau",
                [new DocumentOrder("forms/f502", world.RequestB, null)]);
            var activator = new SingleJobActivator(new RenderDocumentsJob(world.NewService(fixture, new SystemActor("système")), NullLogger<RenderDocumentsJob>.Instance));
            using (var server = new BackgroundJobServer(new BackgroundJobServerOptions
                   {
                       WorkerCount = 1,
                       SchedulePollingInterval = TimeSpan.FromMilliseconds(500),
                       Activator = activator,
                   }, storage))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                string? state = null;
                while (DateTime.UtcNow < deadline)
                {
                    var history = storage.GetMonitoringApi().JobDetails(jobId).History;
                    if (history.Any(h => h.StateName == ScheduledState.StateName)) Volatile.Write(ref crashing, false);
                    state = history.FirstOrDefault()?.StateName;
                    if (state == SucceededState.StateName || state == DeletedState.StateName) break;
                    await Task.Delay(100);
                }

                server.SendStop();
                var details = storage.GetMonitoringApi().JobDetails(jobId);
                Assert.True(state == SucceededState.StateName, string.Join("\n", details.History.Select(h => $"{h.CreatedAt:O} {h.StateName} {h.Reason} {string.Join(";", h.Data.Select(kv => kv.Key + "=" + (kv.Value.Length > 300 ? kv.Value[..300] : kv.Value)))}")) + $"\ncrashes {crashes}");
                Assert.Contains(details.History, h => h.StateName == FailedState.StateName || (h.StateName == ScheduledState.StateName && h.Reason.StartsWith("Retry attempt 1", StringComparison.Ordinal)));
                using var connection = storage.GetConnection();
                Assert.Equal("1", connection.GetJobParameter(jobId, "RetryCount"));
            }
        }
        finally
        {
            fixture.Pdf.BeforePrint = null;
        }

        Assert.True(crashes >= 1, "Chromium was never killed");
        await using var db = world.Database.CreateContext();
        var stored = await db.GeneratedDocuments.SingleAsync();
        Assert.Equal(("forms/f502", world.RequestB, "Lucie Moreau"), (stored.Template, stored.RequestId, stored.GeneratedByName));
        PdfText.Read((await world.Documents.OpenAsync(DocumentWorld.Desk, stored.Id))!.Content).AssertContains("PETIT");
    }

    private sealed class SingleJobActivator(RenderDocumentsJob job) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(RenderDocumentsJob) ? job : base.ActivateJob(jobType);
    }
}
