using System.Collections.Concurrent;
using System.Text;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The agent's page reaches the real card-reading module on loopback (simulated reader), hands the reading to the
/// server, shows the verdict; on a ticket, the timeline records it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CardVerificationTests(AppServerFixture app)
{
    [Fact]
    public async Task Diagnostic_page_reads_a_simulated_card_through_the_module_and_shows_the_verdict()
    {
        await using var module = await CardReaderModuleProcess.StartAsync(app.BaseAddress, app.SimulatorCaPath);
        await module.InsertAsync("valide");
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync("/diagnostic-carte");
        var page = session.Page;

        await Expect(page.GetByTestId("reader-status")).ToContainTextAsync("Lecteur non appairé");
        await page.GetByTestId("verify-card").ClickAsync();
        await Expect(page.GetByTestId("card-verification-error")).ToContainTextAsync("pas encore appairé");

        await PairAsync(page, module);
        await Expect(page.GetByTestId("simulated-badge")).ToHaveTextAsync("LECTEUR SIMULÉ");
        await Expect(page.GetByTestId("reader-status")).ToContainTextAsync("9000000001");
        await page.GetByTestId("verify-card").ClickAsync();

        await Expect(page.GetByTestId("card-read-serial")).ToHaveTextAsync("9000000001");
        await Expect(page.GetByTestId("verdict")).ToContainTextAsync("(lecture simulée)");
        await Expect(page.GetByTestId("verdict-reason").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("card-diagnostic");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Verifying_the_card_on_a_ticket_records_the_verdict_on_its_timeline()
    {
        await using var module = await CardReaderModuleProcess.StartAsync(app.BaseAddress, app.SimulatorCaPath);
        await module.InsertAsync("valide");
        var ticket = await CreateTicketAsync();
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        await session.GotoAsync($"/tickets/{ticket}");
        var page = session.Page;

        await page.GetByText("Vérifier la carte", new() { Exact = true }).First.ClickAsync();
        await PairAsync(page, module);
        await page.GetByTestId("verify-card").ClickAsync();

        var verdict = page.GetByTestId("verdict");
        await Expect(verdict).ToContainTextAsync("(lecture simulée)");
        var summary = await verdict.InnerTextAsync();
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync(summary.Trim());
        await session.ScreenshotAsync("card-verification-ticket");
        await session.AssertNoErrorsAsync();
    }

    /// <summary>
    /// The PIN proof as the holder does it on the workstation: a wrong PIN is refused by the card with the tries left,
    /// the right one signs the server's challenge and the verdict says the card is genuine and the PIN works. The PIN
    /// goes to the module on loopback only: no frame of the Blazor circuit and no request to the server carries it.
    /// </summary>
    [Fact]
    public async Task Holder_proves_the_card_with_her_pin_on_the_ticket_and_a_wrong_pin_shows_the_tries_left()
    {
        const string wrongPin = "7391";
        await using var module = await CardReaderModuleProcess.StartAsync(app.BaseAddress, app.SimulatorCaPath);
        await module.InsertAsync("valide");
        var ticket = await CreateTicketForSimulatedValidCardAsync();
        try
        {
            await ProveWithPinAsync(module, ticket, wrongPin);
        }
        finally
        {
            await RemoveSimulatedValidCardAsync(ticket);
        }
    }

    private async Task ProveWithPinAsync(CardReaderModuleProcess module, Guid ticket, string wrongPin)
    {
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        var toServer = new ConcurrentQueue<string>();
        var toModule = new ConcurrentQueue<string>();
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            toServer.Enqueue(frame.Text ?? (frame.Binary is { } bytes ? Encoding.UTF8.GetString(bytes) : ""));
        page.Request += (_, request) =>
        {
            var body = request.PostData ?? "";
            // Bodies only towards the server: its URLs carry ids, where four digits may occur by chance.
            if (request.Url.StartsWith(module.Address.ToString().TrimEnd('/'), StringComparison.Ordinal)) toModule.Enqueue($"{request.Method} {request.Url} {body}");
            else toServer.Enqueue(body);
        };
        await session.GotoAsync($"/tickets/{ticket}");

        await page.GetByText("Vérifier la carte", new() { Exact = true }).First.ClickAsync();
        await PairAsync(page, module);
        await page.GetByTestId("verify-card").ClickAsync();
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Carte valide avec 1 point d'attention (lecture simulée)");
        await Expect(page.GetByTestId("verdict-reasons")).ToContainTextAsync("Authenticité non prouvée");

        var pin = page.GetByTestId("card-pin");
        await pin.FillAsync(wrongPin);
        await page.GetByTestId("prove-pin").ClickAsync();
        await Expect(page.GetByTestId("card-verification-error")).ToContainTextAsync("Code porteur incorrect. Il reste moins de 3 essais.");
        await Expect(page.GetByTestId("pin-flags")).ToHaveTextAsync("Un essai erroné a déjà été fait");
        await Expect(pin).ToHaveValueAsync("");

        await pin.FillAsync("1234");
        await page.GetByTestId("prove-pin").ClickAsync();
        await Expect(page.GetByTestId("verdict")).ToHaveTextAsync("Carte valide (lecture simulée)");
        var reasons = page.GetByTestId("verdict-reasons");
        await Expect(reasons).ToContainTextAsync("Authenticité prouvée : la carte a signé le défi du serveur avec la clé de son certificat.");
        await Expect(reasons).ToContainTextAsync("Code porteur correct.");
        await Expect(reasons).ToContainTextAsync("La carte est celle de CAROLE PHARMACH0007512 (899700075122), personne du ticket.");
        await Expect(page.GetByTestId("card-pin")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("pin-flags")).ToHaveTextAsync("Aucun essai erroné signalé");
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("Carte valide (lecture simulée)");
        await Expect(page.GetByTestId("timeline-entry").First).ToContainTextAsync("Authenticité prouvée");
        await session.ScreenshotAsync("card-verification-pin");
        // Chromium logs the module's answer to the wrong PIN (HTTP 422), which the panel shows as above.
        await session.AssertNoErrorsAsync(error => error.Contains("status of 422", StringComparison.Ordinal));

        // Both PINs went to the module's /sign, and never towards the server.
        Assert.Equal(2, toModule.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("/sign", StringComparison.Ordinal)));
        Assert.Contains(toModule, r => r.Contains($"\"pin\":\"{wrongPin}\"", StringComparison.Ordinal));
        Assert.Contains(toModule, r => r.Contains("\"pin\":\"1234\"", StringComparison.Ordinal));
        Assert.NotEmpty(toServer);
        Assert.DoesNotContain(toServer, m => m.Contains(wrongPin, StringComparison.Ordinal) || m.Contains("1234", StringComparison.Ordinal));
        var saved = await app.GetTicketAsync(ticket);
        Assert.Contains(saved.Timeline, e => e.Text.Contains("Authenticité prouvée", StringComparison.Ordinal));
    }

    private static async Task PairAsync(IPage page, CardReaderModuleProcess module)
    {
        await page.GetByTestId("pair-reader").ClickAsync();
        await page.GetByTestId("pairing-url").FillAsync(module.Address.ToString().TrimEnd('/'));
        await page.GetByTestId("pairing-token").FillAsync(module.PairingToken);
        await page.GetByTestId("save-pairing").ClickAsync();
        await Expect(page.GetByTestId("reader-status")).Not.ToContainTextAsync("non appairé");
    }

    /// <summary>The holder of the simulator's "valide" card and that card (9000000001) in the registry, and a ticket about both.</summary>
    private async Task<Guid> CreateTicketForSimulatedValidCardAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (!await db.Cards.AnyAsync(c => c.SerialNumber == "9000000001"))
            {
                var carole = new Person
                {
                    FirstName = "CAROLE", LastName = "PHARMACH0007512", NationalIdKind = NationalIdKind.Rpps, NationalId = "899700075122", Profession = "Pharmacien",
                };
                db.People.Add(carole);
                db.Cards.Add(new Card
                {
                    Type = CardType.Test, SerialNumber = "9000000001", HolderId = carole.Id, Status = CardStatus.Active,
                    ValidFrom = new DateOnly(2026, 1, 5), ValidUntil = new DateOnly(2029, 1, 4),
                });
                await db.SaveChangesAsync();
            }
        }
        await using var read = await factory.CreateDbContextAsync();
        var card = await read.Cards.AsNoTracking().SingleAsync(c => c.SerialNumber == "9000000001");
        var created = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket("Carte refusée par le logiciel de la pharmacie", TicketChannel.Phone,
            TicketCategory.Malfunction, PersonId: card.HolderId, CardIds: [card.Id]));
        return created.Id;
    }

    /// <summary>The other browser tests list and sort the registry's cards: they must not meet this one.</summary>
    private async Task RemoveSimulatedValidCardAsync(Guid ticket)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CpsDbContext>>().CreateDbContextAsync();
        await db.Tickets.Where(t => t.Id == ticket).ExecuteDeleteAsync();
        var holders = await db.Cards.Where(c => c.SerialNumber == "9000000001").Select(c => c.HolderId).ToListAsync();
        await db.Cards.Where(c => c.SerialNumber == "9000000001").ExecuteDeleteAsync();
        await db.People.Where(p => holders.Contains(p.Id)).ExecuteDeleteAsync();
    }

    private async Task<Guid> CreateTicketAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var desk = new AccessScope(null, true, false, new HashSet<Guid>());
        var created = await tickets.CreateAsync(desk, new NewTicket("Carte refusée par le logiciel", TicketChannel.Phone, TicketCategory.Malfunction,
            RequesterName: "Appelant de test"));
        return created.Id;
    }
}
