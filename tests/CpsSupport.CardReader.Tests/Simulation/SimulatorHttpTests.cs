using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CpsSupport.CardReader.Tests.TestUtilities;
using Microsoft.AspNetCore.Mvc;

namespace CpsSupport.CardReader.Tests.Simulation;

/// <summary>The simulated reader behind the same endpoints: labelled "simulé", PIN 1234, locks after 3 wrong PINs, events.</summary>
public sealed class SimulatorHttpTests : IDisposable
{
    private readonly CardReaderFactory _factory = new(simulator: true);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Simulator_offers_one_card_per_verdict_all_labelled_simulated()
    {
        var client = _factory.PairedClient();

        using var cards = JsonDocument.Parse(await client.GetStringAsync("/simulation/cards"));
        var reading = await client.GetFromJsonAsync<CardReading>("/card");

        Assert.Equal(["valide", "opposee", "expiree", "autre-ac", "autre-personne", "production", "bloquee"],
            cards.RootElement.EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        Assert.All(cards.RootElement.EnumerateArray(), c => Assert.EndsWith("(simulé)", c.GetProperty("label").GetString(), StringComparison.Ordinal));
        Assert.True(reading!.Simulated);
        Assert.EndsWith("(simulé)", reading.Reader.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_wrong_pins_lock_the_simulated_card_and_the_blocked_card_refuses_even_1234()
    {
        var client = _factory.PairedClient();
        var challenge = Convert.ToBase64String(new byte[32]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.PostAsJsonAsync("/sign", new { challenge, pin = "0000" })).StatusCode);
        var afterLock = await client.PostAsJsonAsync("/sign", new { challenge, pin = "1234" });
        await client.PostAsync("/simulation/insert/bloquee", null);
        var blocked = await client.PostAsJsonAsync("/sign", new { challenge, pin = "1234" });
        await client.PostAsync("/simulation/insert/opposee", null);
        var signed = await client.PostAsJsonAsync("/sign", new { challenge, pin = "1234" });

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Locked], statuses);
        Assert.Equal(HttpStatusCode.Locked, afterLock.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, blocked.StatusCode);
        Assert.StartsWith("Carte bloquée : 3 essais épuisés.", (await blocked.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task No_card_in_the_reader_is_a_french_404()
    {
        var client = _factory.PairedClient();
        await client.PostAsync("/simulation/remove", null);

        var response = await client.GetAsync("/card");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Aucune carte", problem!.Title);
        Assert.Equal("Aucune carte dans le lecteur simulé : insérez une carte simulée.", problem.Detail);
    }

    // Over the real Kestrel: the in-memory test server holds streamed bodies back.
    [Fact]
    public async Task Insertion_and_removal_are_pushed_as_server_sent_events()
    {
        var port = Http.LoopbackBindingTests.FreePort();
        await using var app = CardReaderApp.Create([$"--CardReader:Port={port}", "--CardReader:PairingToken=t", "--CardReader:UseSimulator=true",
            "--CardReader:PollInterval=00:00:00.050", "--environment=Production"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-Pairing-Token", "t");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        // Let the watcher see the inserted card first, then take it out and put another one in.
        await Task.Delay(300, timeout.Token);
        await client.PostAsync("/simulation/remove", null, timeout.Token);
        await Task.Delay(300, timeout.Token);
        await client.PostAsync("/simulation/insert/expiree", null, timeout.Token);

        var events = new List<JsonElement>();
        while (!events.Any(e => e.GetProperty("type").GetString() == "inserted" && e.GetProperty("serialNumber").GetString() == "9000000003"))
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line?.StartsWith("data: ", StringComparison.Ordinal) == true) events.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
        }

        Assert.Contains(events, e => e.GetProperty("type").GetString() == "removed" && e.GetProperty("serialNumber").GetString() == "9000000001");
        await app.StopAsync(CancellationToken.None);
    }
}
