using System.Text.RegularExpressions;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Documents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// A structure form received filled by mail, filed by the desk from the ticket: the filled-form panel opens the structure
/// request page pre-filled, the agent adds the identity document and files it, the change is applied and the request is
/// linked to the ticket. Works on its own structure and people (<see cref="OwnTestData"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StructureFormRequestTests(AppServerFixture app)
{
    /// <summary>The input of a MudBlazor field, whether its <c>data-testid</c> lands on the input or on its wrapper.</summary>
    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>A received mail on the ticket with these PDF attachments.</summary>
    private static Task<int> AttachAsync(OwnTestData data, Guid ticketId, params (string Name, byte[] Bytes)[] files) => data.WithDbAsync(async db =>
    {
        await ReceivedMail.AddAsync(db, ticketId, "Ci-joint le formulaire signé et ma pièce d'identité.", [.. files.Select(f => new ReceivedFile(f.Name, f.Bytes))]);
        return await db.SaveChangesAsync();
    });

    private static byte[] IdScan() => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 CNI {Guid.NewGuid()}");

    [Fact]
    public async Task Agent_files_a_filled_F502_a_mandatary_may_not_sign_and_the_legal_representative_designates()
    {
        await using var data = new OwnTestData(app);
        var structure = await data.StructureAsync("Centre de soins des Essais");
        var head = await data.PersonAsync("Irène", "Gérante", "Directrice", headOf: structure.Id);
        await data.ActiveCardAsync(head, CardType.Cde, structure.Id);
        var mandatary = await data.PersonAsync("Rémi", "Délégué", "Cadre administratif");
        await data.ActiveCardAsync(mandatary, CardType.Cpe, structure.Id);
        await data.WithDbAsync(async db =>
        {
            db.Mandates.Add(new CpsSupport.Features.Structures.Mandate { StructureId = structure.Id, PersonId = mandatary.Id, StartsOn = new DateOnly(2025, 1, 1) });
            return await db.SaveChangesAsync();
        });
        var newcomer = await data.PersonAsync("Léonie", "Désignée", "Secrétaire médicale");
        await data.ActiveCardAsync(newcomer, CardType.Cpe, structure.Id);
        var ticket = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket("Désignation d'un mandataire", TicketChannel.Mail, TicketCategory.Mandataries,
            RequesterCapacity: RequesterCapacity.StructureHead, RequesterName: head.FullName, StructureId: structure.Id));
        var filled = new AcroFormPdf().Text("formulaire", "F502")
            .Text("legalRepresentative.lastName", "Gerante").Text("legalRepresentative.firstName", "Irene")
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "DESIGNEE").Text("mandataries[0].firstName", "leonie")
            .Text("mandataries[1].action", "remove").Text("mandataries[1].lastName", "Roux").Text("mandataries[1].firstName", "Paul").ToBytes();
        await AttachAsync(data, ticket.Id, ("f502-signe.pdf", filled), ("cni-gerante.pdf", IdScan()));

        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        await session.GotoAsync($"/tickets/{ticket.Id}");
        await page.GetByTestId("filled-form").Filter(new() { HasText = "(F502)" }).GetByTestId("filled-form-open").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/demandes/nouvelle/structure\?ticket="));
        await session.WaitForInteractiveAsync();

        // The designated person is found by name; the removal names nobody of the structure and is left out.
        var lines = page.GetByTestId("structure-request-line");
        await Expect(lines).ToHaveCountAsync(2);
        await Expect(Input(page, "structure-request-line-person").First).ToHaveValueAsync(newcomer.FullName);
        await Expect(page.GetByTestId("structure-request-line-message")).ToHaveTextAsync("Ligne 2 : Paul ROUX n'est pas mandataire de cette structure.");
        await page.GetByTestId("structure-request-id-document").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "cni-gerante.pdf", Exact = true }).ClickAsync();

        // Signed by the mandatary instead: the rule refuses in French and nothing is saved.
        await page.GetByTestId("structure-request-declarant").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{mandatary.FullName} (mandataire)", Exact = true }).ClickAsync();
        await page.GetByTestId("structure-request-file").ClickAsync();
        await Expect(page.GetByTestId("structure-request-error"))
            .ToContainTextAsync($"Seul le représentant légal de « {structure.Name} » peut désigner ou retirer des mandataires (F502) ; un mandataire ne le peut pas.");
        Assert.False(await data.WithDbAsync(db => db.Requests.AnyAsync(r => r.StructureId == structure.Id)));

        await page.GetByTestId("structure-request-declarant").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{head.FullName} (représentant légal)", Exact = true }).ClickAsync();
        await page.GetByTestId("structure-request-file").ClickAsync();
        var outcome = page.GetByTestId("structure-request-outcome");
        await Expect(outcome).ToContainTextAsync("(traitée)");
        await Expect(outcome).ToContainTextAsync($"{newcomer.FullName} désigné(e) mandataire");
        await session.ScreenshotAsync("f502-filed-from-ticket");

        var request = await data.WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.StructureId == structure.Id));
        Assert.Equal((FormCode.F502, RequestStatus.Completed, ticket.Id, head.Id), (request.Form, request.Status, request.TicketId!.Value, request.DeclarantPersonId!.Value));
        Assert.True(await data.WithDbAsync(db => db.Mandates.AnyAsync(m => m.StructureId == structure.Id && m.PersonId == newcomer.Id && m.EndsOn == null)));
        Assert.True(await data.WithDbAsync(db => db.Mandates.AnyAsync(m => m.StructureId == structure.Id && m.PersonId == mandatary.Id && m.EndsOn == null)));
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Agent_files_a_filled_F504_from_the_ticket_and_the_structure_delivery_address_changes()
    {
        await using var data = new OwnTestData(app);
        var structure = await data.StructureAsync("Maison de santé des Essais");
        var head = await data.PersonAsync("Inès", "Présidente", "Directrice", headOf: structure.Id);
        await data.ActiveCardAsync(head, CardType.Cde, structure.Id);
        var ticket = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket("Nouvelle adresse de livraison des cartes", TicketChannel.Mail,
            TicketCategory.DeliveryAddressChange, RequesterCapacity: RequesterCapacity.StructureHead, RequesterName: head.FullName, StructureId: structure.Id));
        var filled = new AcroFormPdf().Text("formulaire", "F504").Text("declarantCapacity", "legalRepresentative")
            .Text("declarant.lastName", "PRESIDENTE").Text("declarant.firstName", "Ines")
            .Text("newAddress.recipient", "Secrétariat").Text("newAddress.line1", "27 boulevard des Essais")
            .Text("newAddress.postalCode", "26 000").Text("newAddress.city", "Valence").Text("signedAt", "Valence").ToBytes();
        await AttachAsync(data, ticket.Id, ("f504-signe.pdf", filled), ("cni-presidente.pdf", IdScan()));

        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        await session.GotoAsync($"/tickets/{ticket.Id}");
        await Expect(page.GetByTestId("filled-form")).ToContainTextAsync("Formulaire rempli détecté (F504)");
        await page.GetByTestId("filled-form-open").ClickAsync();

        // Pre-filled: the ticket's structure, its legal representative as declarant, the address of the form.
        await page.WaitForURLAsync(new Regex(@"/demandes/nouvelle/structure\?ticket="));
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("structure-request-prefilled")).ToContainTextAsync("f504-signe.pdf");
        await Expect(page.GetByTestId("structure-request-prefilled-error")).ToHaveCountAsync(0);
        await Expect(Input(page, "structure-request-structure")).ToHaveValueAsync(structure.Name);
        await Expect(Input(page, "structure-request-declarant")).ToHaveValueAsync($"{head.FullName} (représentant légal)");
        await Expect(Input(page, "structure-request-line1")).ToHaveValueAsync("27 boulevard des Essais");
        await Expect(Input(page, "structure-request-postal-code")).ToHaveValueAsync("26000");
        await page.GetByTestId("structure-request-id-document").ClickAsync();
        // The filled form itself is no identity document: only the scan is offered.
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveTextAsync(["cni-presidente.pdf"]);
        await page.GetByRole(AriaRole.Option, new() { Name = "cni-presidente.pdf", Exact = true }).ClickAsync();
        await session.ScreenshotAsync("f504-prefilled");
        await page.GetByTestId("structure-request-file").ClickAsync();

        var outcome = page.GetByTestId("structure-request-outcome");
        await Expect(outcome).ToContainTextAsync("(traitée)");
        await Expect(outcome).ToContainTextAsync("27 boulevard des Essais, Secrétariat, 26000 Valence");
        await session.ScreenshotAsync("f504-filed");

        // Saved as shown: the structure's delivery address, the request done, linked to the ticket, with the identity document.
        var saved = await data.WithDbAsync(db => db.Structures.AsNoTracking().SingleAsync(s => s.Id == structure.Id));
        Assert.Equal(("27 boulevard des Essais", "Secrétariat", "26000", "Valence"),
            (saved.DeliveryAddress.Line1, saved.DeliveryAddress.Line2, saved.DeliveryAddress.PostalCode, saved.DeliveryAddress.City));
        var request = await data.WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.StructureId == structure.Id));
        Assert.Equal((FormCode.F504, RequestStatus.Completed, ticket.Id, head.Id, RequestChannel.Mail),
            (request.Form, request.Status, request.TicketId!.Value, request.DeclarantPersonId!.Value, request.Channel));
        Assert.Contains("f504-signe.pdf", request.Details);
        await Expect(page.GetByTestId("structure-request-number")).ToHaveTextAsync(request.Number);

        await page.GetByTestId("back-to-ticket").ClickAsync();
        await page.WaitForURLAsync($"**/tickets/{ticket.Id}");
        await Expect(page.GetByTestId("ticket-request")).ToContainTextAsync(request.Number);
        await session.AssertNoErrorsAsync();
    }
}
