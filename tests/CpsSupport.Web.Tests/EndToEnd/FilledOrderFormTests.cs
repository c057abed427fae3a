using System.Text.RegularExpressions;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Documents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// A filled F301 order form (PDF with form fields) arrives by mail on a ticket: the agent opens it as an order from the
/// ticket, finds the structure, the signatory and both card lines filled in, files it, and the order is linked to the
/// ticket. The structure, its legal representative and their card are the test's own.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FilledOrderFormTests(AppServerFixture app)
{
    [Fact]
    public async Task Agent_opens_a_filled_F301_from_the_ticket_and_files_it_as_an_order_linked_to_the_ticket()
    {
        await using var data = new OwnTestData(app);
        var structure = await data.StructureAsync($"Centre de soins Formulaire {OwnTestData.Next()}");
        var head = await data.PersonAsync("Claire", "Dubois", "Directrice", headOf: structure.Id);
        await data.ActiveCardAsync(head, CardType.Cde, structure.Id);
        var pdf = new AcroFormPdf()
            .Text("formulaire", "F301")
            .Text("declarant.lastName", "DUBOIS")
            .Text("declarant.firstName", "Claire")
            .Text("lines[0].lastName", "Morel")
            .Text("lines[0].firstName", "Léa")
            .Text("lines[0].jobTitle", "Secrétaire médicale")
            .Text("lines[1].lastName", "Blanc")
            .Text("lines[1].firstName", "Marc")
            .Text("lines[1].jobTitle", "Agent d'accueil")
            .ToBytes();
        var ticket = await data.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var created = new Ticket
            {
                Number = $"CPS-2098-{OwnTestData.Next() * 1000 + Environment.ProcessId % 1000:D6}", Subject = "Commande de cartes de personnel",
                Channel = TicketChannel.Mail, StructureId = structure.Id, LastActivityAt = now,
            };
            db.Tickets.Add(created);
            await ReceivedMail.AddAsync(db, created.Id, "Veuillez trouver notre bon de commande.", new ReceivedFile("bon-de-commande-F301.pdf", pdf));
            await db.SaveChangesAsync();
            return created;
        });

        try
        {
            await using var agent = await app.NewSessionAsync(TestAccount.Agent);
            var page = agent.Page;
            await agent.GotoAsync($"/tickets/{ticket.Id}");
            await Expect(page.GetByTestId("filled-form")).ToContainTextAsync("Formulaire rempli détecté (F301)");
            await page.GetByTestId("filled-form-open").ClickAsync();

            await page.WaitForURLAsync(new Regex("/commandes/nouvelle\\?ticket="));
            await Expect(page.GetByTestId("order-prefilled")).ToContainTextAsync("Pré-rempli depuis le formulaire reçu bon-de-commande-F301.pdf");
            await Expect(page.GetByTestId("order-ticket")).ToHaveTextAsync(ticket.Number);
            await Expect(page.GetByTestId("order-card-type")).ToContainTextAsync("Carte de personnel d’établissement");
            await Expect(page.GetByTestId("line-1-last")).ToHaveValueAsync("Morel");
            await Expect(page.GetByTestId("line-2-first")).ToHaveValueAsync("Marc");
            await Expect(page.GetByTestId("line-2-profession")).ToHaveValueAsync("Agent d'accueil");
            await agent.ScreenshotAsync("filled-order-prefilled");
            await page.GetByTestId("submit-order").ClickAsync();

            await page.WaitForURLAsync(new Regex("/commandes/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("line-status")).ToHaveCountAsync(2);
            await Expect(page.GetByText($"Ticket : {ticket.Number}")).ToBeVisibleAsync();
            await agent.AssertNoErrorsAsync();

            var order = await data.WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.StructureId == structure.Id && r.Form == FormCode.F301));
            var holders = await data.WithDbAsync(db => db.OrderLines.Where(l => l.RequestId == order.Id).OrderBy(l => l.Position).Select(l => l.LastName).ToListAsync());
            Assert.Equal((ticket.Id, head.Id, RequestChannel.Mail), (order.TicketId, order.DeclarantPersonId, order.Channel));
            Assert.Equal(["Morel", "Blanc"], holders);
            Assert.Contains("Formulaire F301 reçu (bon-de-commande-F301.pdf).", order.Details);
        }
        finally
        {
            await data.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteDeleteAsync());
        }
    }
}
