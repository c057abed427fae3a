using System.Text.RegularExpressions;
using CpsSupport.Features.Tickets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CpsSupport.Web.Tests.EndToEnd;

/// <summary>
/// The desk's day in a browser: phone intake, a reply built from a knowledge-base article, a merge, two people on one
/// ticket, and the queue's views, search and bulk close. Tickets other than the intake's are created through
/// <see cref="TicketService"/>; each test finds its own tickets by number or by a word of its own.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class TicketTests(AppServerFixture app)
{
    [Fact]
    public async Task Phone_intake_finds_the_caller_by_rpps_creates_the_ticket_and_lists_it_in_my_tickets()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        await session.GotoAsync("/tickets");
        await page.GetByTestId("new-phone-ticket").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nouveau ticket (appel)");

        // The field takes the focus once the page has rendered in the circuit: typing before that could be lost.
        var lookup = page.GetByTestId("caller-lookup");
        await Expect(lookup).ToBeFocusedAsync();
        await lookup.FillAsync(SeededRegistry.HolderRppsA);
        var caller = page.GetByTestId("caller-match");
        await Expect(caller).ToHaveCountAsync(1);
        await Expect(caller).ToContainTextAsync(SeededRegistry.HolderA);
        await Expect(caller).ToContainTextAsync(SeededRegistry.StructureAName);
        await Expect(caller).ToContainTextAsync(SeededRegistry.ActiveSerialA);
        // The only match is taken at once: the agent goes on with the ticket while the caller talks.
        await Expect(caller.GetByTestId("select-caller")).ToHaveTextAsync("Sélectionné");

        await page.GetByTestId("category").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Perte", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("subject")).ToHaveValueAsync("Perte");
        await page.GetByTestId("note").FillAsync("Carte perdue hier au bloc opératoire, opposition demandée.");
        await session.ScreenshotAsync("ticket-intake");
        await page.GetByTestId("save-ticket").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/tickets/[0-9a-f-]{36}$"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync(TicketNumberThenSubject("Perte"));
        var number = TicketNumberPattern().Match(await heading.InnerTextAsync()).Value;
        await Expect(page.GetByTestId("assignee")).ToHaveTextAsync(TestAccount.Agent.DisplayName);
        await Expect(page.GetByTestId("ticket-summary")).ToContainTextAsync("En cours");
        await Expect(Timeline(page).Filter(new() { HasText = "Note d'appel · " + TestAccount.Agent.DisplayName }))
            .ToContainTextAsync("Carte perdue hier au bloc opératoire, opposition demandée.");
        await session.ScreenshotAsync("ticket-created");

        await page.Locator(".cps-breadcrumb").GetByRole(AriaRole.Link, new() { Name = "Tickets" }).ClickAsync();
        await ClickUntilAtAsync(page, page.GetByTestId("view-Mine"), "**/tickets?vue=Mine");
        var grid = new DataGrid(page, "tickets-grid");
        await Expect(grid.Root.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await Expect(grid.Rows.Filter(new() { HasText = number })).ToContainTextAsync(SeededRegistry.HolderA);
        await session.ScreenshotAsync("tickets-mine");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Reply_from_a_knowledge_base_template_names_the_requester_and_the_ticket()
    {
        var ticket = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket(
            "Demande de nouvelle carte", TicketChannel.Mail, TicketCategory.CardOrder, PersonId: app.Registry.HolderPersonA,
            RequesterName: SeededRegistry.HolderA, StructureId: app.Registry.StructureA,
            FirstNote: "Bonjour, je souhaite commander une carte pour une nouvelle collègue.", FirstNoteKind: TicketMessageKind.IncomingMail));
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        await session.GotoAsync($"/tickets/{ticket.Id}");

        await page.GetByTestId("open-kb").ClickAsync();
        await page.GetByTestId("kb-picker-search").FillAsync("accusé de réception");
        var hit = page.GetByTestId("kb-picker-hit").Filter(new() { HasText = "Modèle de réponse : accusé de réception" });
        await hit.ClickAsync();
        var preview = page.GetByTestId("kb-picker-preview");
        await Expect(preview).ToContainTextAsync($"Bonjour {SeededRegistry.HolderA},");
        await Expect(preview).ToContainTextAsync(ticket.Number);
        await Expect(preview).Not.ToContainTextAsync("{{");
        await Expect(page.GetByTestId("kb-picker-missing")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("ticket-kb-picker");
        await page.GetByTestId("kb-picker-insert").ClickAsync();

        var reply = page.GetByTestId("reply");
        await Expect(reply).ToHaveValueAsync(new Regex($"^Bonjour {SeededRegistry.HolderA},\\n\\nNous avons bien reçu votre demande, enregistrée sous la référence {ticket.Number}\\."));
        await page.GetByTestId("send-reply").ClickAsync();

        await Expect(reply).ToHaveValueAsync("");
        var sent = Timeline(page).Filter(new() { HasText = "Réponse au demandeur · " + TestAccount.Agent.DisplayName });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(sent).ToContainTextAsync($"Bonjour {SeededRegistry.HolderA},");
        await Expect(sent).ToContainTextAsync($"enregistrée sous la référence {ticket.Number}.");
        await Expect(sent).Not.ToContainTextAsync("{{");
        // The first public reply takes the new ticket: En cours.
        await Expect(page.GetByTestId("ticket-summary")).ToContainTextAsync("En cours");
        await session.ScreenshotAsync("ticket-replied");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Merging_a_ticket_moves_its_messages_to_the_survivor_and_points_the_source_to_it()
    {
        var survivor = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket(
            "Lecteur non détecté", TicketChannel.Phone, TicketCategory.ReaderSetup, RequesterName: "Dr Léon Girard",
            FirstNote: "Le lecteur n'est plus reconnu depuis la mise à jour du poste.", FirstNoteKind: TicketMessageKind.PhoneNote));
        var source = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket(
            "Lecteur toujours en panne", TicketChannel.Mail, TicketCategory.ReaderSetup, RequesterName: "Dr Léon Girard",
            FirstNote: "Je vous écris car mon lecteur de carte ne fonctionne toujours pas.", FirstNoteKind: TicketMessageKind.IncomingMail));
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        await session.GotoAsync($"/tickets/{source.Id}");

        await page.GetByTestId("other-ticket").FillAsync(survivor.Number);
        await page.GetByTestId("merge").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync($"Fusionner dans {survivor.Number} ?");
        await Expect(confirm).ToContainTextAsync("Une fusion ne peut pas être annulée.");
        await session.ScreenshotAsync("ticket-merge-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Fusionner" }).ClickAsync();

        await page.WaitForURLAsync($"**/tickets/{survivor.Id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{survivor.Number} — Lecteur non détecté");
        var timeline = page.GetByTestId("timeline");
        await Expect(timeline).ToContainTextAsync("Je vous écris car mon lecteur de carte ne fonctionne toujours pas.");
        await Expect(timeline).ToContainTextAsync("Le lecteur n'est plus reconnu depuis la mise à jour du poste.");
        await Expect(timeline).ToContainTextAsync($"Ticket {source.Number} fusionné dans celui-ci");
        // The page now shows the survivor: nothing typed for the source is left in its fields.
        await Expect(page.GetByTestId("other-ticket")).ToHaveValueAsync("");
        await session.ScreenshotAsync("ticket-merged-survivor");

        await session.GotoAsync($"/tickets/{source.Id}");
        var merged = page.GetByTestId("merged-into");
        await Expect(merged).ToContainTextAsync($"fusionné dans {survivor.Number}");
        await Expect(page.GetByTestId("ticket-summary")).ToContainTextAsync("Clos");
        await Expect(page.GetByTestId("timeline")).Not.ToContainTextAsync("Je vous écris car mon lecteur");
        await merged.GetByRole(AriaRole.Link, new() { Name = survivor.Number }).ClickAsync();
        await page.WaitForURLAsync($"**/tickets/{survivor.Id}");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Two_people_on_one_ticket_see_each_other_and_the_second_save_is_refused()
    {
        var ticket = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket(
            "Codes non reçus", TicketChannel.Phone, TicketCategory.CodesNotReceived, PersonId: app.Registry.HolderPersonA,
            RequesterName: SeededRegistry.HolderA));
        await using var agent = await app.NewSessionAsync(TestAccount.Agent);
        await using var supervisor = await app.NewSessionAsync(TestAccount.Supervisor);
        await agent.GotoAsync($"/tickets/{ticket.Id}");
        await supervisor.GotoAsync($"/tickets/{ticket.Id}");

        await Expect(supervisor.Page.GetByTestId("presence")).ToHaveTextAsync($"Aussi ouvert par : {TestAccount.Agent.DisplayName}");
        await Expect(agent.Page.GetByTestId("presence")).ToHaveTextAsync($"Aussi ouvert par : {TestAccount.Supervisor.DisplayName}");

        await agent.Page.GetByTestId("edit-subject").FillAsync("Codes non reçus après renouvellement");
        await agent.Page.GetByTestId("save-classification").ClickAsync();
        await Expect(agent.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{ticket.Number} — Codes non reçus après renouvellement");

        await supervisor.Page.GetByTestId("edit-subject").FillAsync("Codes porteur jamais arrivés");
        await supervisor.Page.GetByTestId("save-classification").ClickAsync();
        await Expect(supervisor.Page.GetByTestId("ticket-error")).ToContainTextAsync(
            $"Le ticket {ticket.Number} a été modifié par quelqu'un d'autre pendant que vous le consultiez : vos modifications n'ont pas été enregistrées.");
        // The refused page now shows what was saved, ready to be edited again over the new version.
        await Expect(supervisor.Page.GetByTestId("edit-subject")).ToHaveValueAsync("Codes non reçus après renouvellement");
        await supervisor.ScreenshotAsync("ticket-conflict");

        Assert.Equal("Codes non reçus après renouvellement", (await app.GetTicketAsync(ticket.Id)).Subject);
        await agent.AssertNoErrorsAsync();
        await supervisor.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Queue_switches_saved_views_finds_a_ticket_by_number_and_closes_two_at_once()
    {
        var mine = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket(
            "Vol de carte Quimper", TicketChannel.Phone, TicketCategory.Theft, TicketPriority.High, AssigneeId: app.UserId(TestAccount.Agent)));
        var first = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket("Adresse de livraison Quimper", TicketChannel.Mail, TicketCategory.DeliveryAddressChange));
        var second = await app.CreateTicketAsync(TestAccount.Agent, new NewTicket("Carte non reçue Quimper", TicketChannel.Portal, TicketCategory.CardNotReceived));
        await using var session = await app.NewSessionAsync(TestAccount.Agent);
        var page = session.Page;
        await session.GotoAsync("/tickets");
        var grid = new DataGrid(page, "tickets-grid");

        await ClickUntilAtAsync(page, page.GetByTestId("view-Unassigned"), "**/tickets?vue=Unassigned");
        await Expect(grid.Root).ToContainTextAsync(first.Number);
        await Expect(grid.Root).Not.ToContainTextAsync(mine.Number);
        await ClickUntilAtAsync(page, page.GetByTestId("view-Mine"), "**/tickets?vue=Mine");
        await Expect(grid.Root).ToContainTextAsync(mine.Number);
        await Expect(grid.Root).Not.ToContainTextAsync(first.Number);

        await page.GetByTestId("view-AllOpen").ClickAsync();
        await page.GetByTestId("ticket-search").FillAsync(second.Number);
        await Expect(grid.Rows).ToHaveCountAsync(1);
        await Expect(grid.Cell(0, "N°")).ToHaveTextAsync(second.Number);
        await Expect(grid.Cell(0, "Objet")).ToContainTextAsync("Carte non reçue Quimper");

        await page.GetByTestId("ticket-search").FillAsync("quimper");
        await Expect(grid.Rows).ToHaveCountAsync(3);
        await grid.Rows.Filter(new() { HasText = first.Number }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await grid.Rows.Filter(new() { HasText = second.Number }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Expect(page.GetByTestId("bulk-bar")).ToContainTextAsync("2 tickets sélectionnés");
        await session.ScreenshotAsync("tickets-bulk");
        await page.GetByTestId("bulk-close").ClickAsync();

        await Expect(grid.Rows).ToHaveCountAsync(1);
        await Expect(grid.Cell(0, "N°")).ToHaveTextAsync(mine.Number);
        await Expect(page.GetByTestId("bulk-bar")).ToHaveCountAsync(0);
        Assert.Equal(TicketState.Closed, (await app.GetTicketAsync(first.Id)).State);
        Assert.Equal(TicketState.Closed, (await app.GetTicketAsync(second.Id)).State);
        Assert.Equal(TicketState.InProgress, (await app.GetTicketAsync(mine.Id)).State);
        await session.ScreenshotAsync("tickets-queue");
        await session.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task Supervisor_reaches_the_sla_targets_from_administration()
    {
        await using var session = await app.NewSessionAsync(TestAccount.Supervisor);
        var page = session.Page;
        await session.GotoAsync("/administration");

        await page.GetByTestId("admin-available").GetByRole(AriaRole.Link, new() { Name = "Délais de traitement (SLA)" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Délais de traitement (SLA)");
        var loss = page.GetByTestId("sla-table").Locator("tbody tr").Filter(new() { HasText = "Perte" });
        await Expect(loss).ToContainTextAsync("Par défaut");
        await Expect(page.GetByTestId("sla-table").Locator("tbody tr")).ToHaveCountAsync(Enum.GetValues<TicketCategory>().Length);
        await session.ScreenshotAsync("sla-settings");
        await session.AssertNoErrorsAsync();
    }

    /// <summary>Timeline entries, newest first.</summary>
    private static ILocator Timeline(IPage page) => page.GetByTestId("timeline").GetByTestId("timeline-entry");

    private static Regex TicketNumberThenSubject(string subject) => new($"^CPS-\\d{{4}}-\\d{{6}} — {Regex.Escape(subject)}$");

    [GeneratedRegex(@"CPS-\d{4}-\d{6}")]
    private static partial Regex TicketNumberPattern();

    /// <summary>
    /// Clicks a view chip until the address shows it: on a cold first page the very first click can land between the
    /// layout's interactive render and the page's own (seen once in a fresh clone); choosing a view twice is harmless.
    /// </summary>
    private static async Task ClickUntilAtAsync(IPage page, ILocator target, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url, new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
