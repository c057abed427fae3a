using CpsSupport.Data;
using CpsSupport.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>Generated documents stored with their hash, linked, reused until asked anew, and shown only to who may see them.</summary>
[Collection(DocumentsCollection.Name)]
public sealed class DocumentServiceTests(DocumentsFixture fixture)
{
    [Fact]
    public async Task Generating_stores_the_pdf_by_hash_linked_to_the_request_and_its_ticket()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);

        var generated = await world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestA), "forms/f501");

        Assert.False(generated.Reused);
        var info = generated.Document;
        Assert.Equal(("forms/f501", "F501-REQ-2026-000042.pdf", world.RequestA, world.TicketA, "Lucie Moreau"),
            (info.Template, info.FileName, info.RequestId, info.TicketId, info.GeneratedBy));
        Assert.Equal("Déclaration d'incident sur carte CPx", info.Title);

        var content = await world.Documents.OpenAsync(DocumentWorld.Desk, info.Id);
        Assert.NotNull(content);
        Assert.Equal(info.Sha256, CpsSupport.Features.Files.FileStore.Hash(content.Content));
        Assert.Equal(info.Size, content.Content.LongLength);
        var text = PdfText.Read(content.Content);
        // Built from the request: holder from the registry, incident from the details, card linked by the holder.
        foreach (var value in new[] { "DURAND", "Hélène", "810002813844", "Pharmacien", "20/11/2026", "Lyon", "Carte perdue au marché.", world.CardSerial, "Fait à Lyon, le 21/11/2026", "3 avenue Foch" })
        {
            text.AssertContains(value);
        }

        text.AssertTicked("Perte");
        text.AssertTicked("Titulaire de la carte");
    }

    [Fact]
    public async Task A_document_is_regenerated_only_on_demand_and_an_identical_one_is_reused()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        var target = DocumentTarget.ForRequest(world.RequestA);

        var first = await world.Documents.GenerateAsync(DocumentWorld.Desk, target, "forms/f501");
        var again = await world.Documents.GenerateAsync(DocumentWorld.Desk, target, "forms/f501");
        var regeneratedUnchanged = await world.Documents.GenerateAsync(DocumentWorld.Desk, target, "forms/f501", regenerate: true);

        Assert.True(again.Reused);
        Assert.True(regeneratedUnchanged.Reused);
        Assert.Equal(first.Document.Id, again.Document.Id);
        Assert.Equal(first.Document.Id, regeneratedUnchanged.Document.Id);

        await using (var db = world.Database.CreateContext(world.Clock))
        {
            var request = await db.Requests.SingleAsync(r => r.Id == world.RequestA);
            request.Details = DocumentWorld.F501Details.Replace("Carte perdue au marché.", "Carte perdue dans le métro.", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }

        var stale = await world.Documents.GenerateAsync(DocumentWorld.Desk, target, "forms/f501");
        var fresh = await world.Documents.GenerateAsync(DocumentWorld.Desk, target, "forms/f501", regenerate: true);

        Assert.Equal(first.Document.Id, stale.Document.Id);
        Assert.False(fresh.Reused);
        Assert.NotEqual(first.Document.Sha256, fresh.Document.Sha256);
        PdfText.Read((await world.Documents.OpenAsync(DocumentWorld.Desk, fresh.Document.Id))!.Content).AssertContains("Carte perdue dans le métro.");

        var listed = await world.Documents.ListAsync(DocumentWorld.Desk, target);
        Assert.Equal([fresh.Document.Id, first.Document.Id], listed.Select(d => d.Id));
        await using var check = world.Database.CreateContext();
        Assert.Equal(2, await check.GeneratedDocuments.CountAsync());
        Assert.Equal(2, await check.StoredFiles.CountAsync());
    }

    [Fact]
    public async Task The_same_pdf_is_stored_once_whatever_refers_to_it()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        var pdf = (await world.Documents.OpenAsync(DocumentWorld.Desk,
            (await world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestA), "letters/acknowledgement")).Document.Id))!.Content;

        await using var db = world.Database.CreateContext(world.Clock);
        var hash = await CpsSupport.Features.Files.FileStore.AddAsync(db, pdf, world.Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal(1, await db.StoredFiles.CountAsync(f => f.Sha256 == hash));
    }

    [Fact]
    public async Task Portal_users_open_and_list_only_their_structures_documents()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        var ofA = (await world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestA), "letters/acknowledgement")).Document;
        var ofB = (await world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestB), "forms/f502")).Document;
        var portalA = world.PortalOf(world.StructureA);

        Assert.NotNull(await world.Documents.OpenAsync(portalA, ofA.Id));
        Assert.Null(await world.Documents.OpenAsync(portalA, ofB.Id));
        Assert.Null(await world.Documents.OpenAsync(CpsSupport.Features.Access.AccessScope.Nobody, ofA.Id));
        Assert.Empty(await world.Documents.ListAsync(portalA, DocumentTarget.ForRequest(world.RequestB)));
        Assert.Equal([ofA.Id], (await world.Documents.ListAsync(portalA, DocumentTarget.ForTicket(world.TicketA))).Select(d => d.Id));
        Assert.Equal([ofB.Id], (await world.Documents.ListAsync(world.PortalOf(world.StructureB), DocumentTarget.ForRequest(world.RequestB))).Select(d => d.Id));

        var refused = await Assert.ThrowsAsync<DocumentException>(() => world.Documents.GenerateAsync(portalA, DocumentTarget.ForRequest(world.RequestA), "forms/f501"));
        Assert.Equal("Seul le service support génère des documents.", refused.Message);
    }

    [Fact]
    public async Task A_request_offers_its_own_form_and_the_letters_and_refuses_another_form()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);

        var choices = await world.Documents.AvailableAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestB));
        var wrong = await Assert.ThrowsAsync<DocumentException>(() =>
            world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestB), "forms/f501"));

        Assert.Equal(["forms/f502", "letters/acknowledgement", "letters/missing-pieces", "letters/decision", "letters/replacement-dispatch"], choices.Select(c => c.Template));
        Assert.Equal("La demande REQ-2026-000043 est un formulaire F502 : le formulaire F501 ne s'y applique pas.", wrong.Message);
        Assert.Equal(12, (await world.Documents.AvailableAsync(DocumentWorld.Desk, DocumentTarget.ForTicket(world.TicketA))).Count);
        Assert.Empty(await world.Documents.AvailableAsync(world.PortalOf(world.StructureA), DocumentTarget.ForTicket(world.TicketA)));
    }

    [Fact]
    public async Task A_letter_for_a_ticket_without_request_is_linked_to_the_ticket()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        Guid ticketOnly;
        await using (var db = world.Database.CreateContext(world.Clock))
        {
            ticketOnly = (await new CpsSupport.Features.Tickets.TicketService(world.Factory, world.Clock, new SystemActor("Lucie Moreau"),
                new CpsSupport.Features.Tickets.TicketSla(CpsSupport.Features.Calendar.BusinessCalendar.Default))
                .CreateAsync(DocumentWorld.Desk, new CpsSupport.Features.Tickets.NewTicket("Question", CpsSupport.Features.Tickets.TicketChannel.Phone,
                    CpsSupport.Features.Tickets.TicketCategory.Other, StructureId: world.StructureA, RequesterName: "Marc Leroy"))).Id;
        }

        var letter = (await world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForTicket(ticketOnly), "letters/acknowledgement")).Document;

        Assert.Null(letter.RequestId);
        Assert.Equal(ticketOnly, letter.TicketId);
        var text = PdfText.Read((await world.Documents.OpenAsync(world.PortalOf(world.StructureA), letter.Id))!.Content);
        text.AssertContains("MARC LEROY");
        text.AssertContains("Paris, le 24 novembre 2026");
    }

    [Fact]
    public async Task Concurrent_clicks_on_the_same_document_store_it_once()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        var target = DocumentTarget.ForRequest(world.RequestA);
        // Two agents (two services, two database contexts) click « Générer » at the same instant: both find nothing
        // stored, both print, and the second to save must get the first one's document back.
        var services = Enumerable.Range(0, 3).Select(_ => world.NewService(fixture, new SystemActor("Lucie Moreau"))).ToList();
        using var start = new Barrier(services.Count);

        var results = await Task.WhenAll(services.Select(service => Task.Run(() =>
        {
            start.SignalAndWait();
            return service.GenerateAsync(DocumentWorld.Desk, target, "forms/f501");
        })));

        Assert.Single(results.Select(r => r.Document.Id).Distinct());
        Assert.Single(results, r => !r.Reused);
        await using var check = world.Database.CreateContext();
        Assert.Equal(1, await check.GeneratedDocuments.CountAsync());
        // The losers' PDFs were saved in the same transaction as their rows: nothing orphaned is left behind.
        Assert.Equal(1, await check.StoredFiles.CountAsync());
    }

    [Fact]
    public async Task The_database_refuses_a_second_document_of_the_same_source_for_the_same_owner()
    {
        await using var world = await DocumentWorld.CreateAsync(fixture);
        var first = (await world.Documents.GenerateAsync(DocumentWorld.Desk, DocumentTarget.ForRequest(world.RequestA), "letters/acknowledgement")).Document;
        await using var db = world.Database.CreateContext(world.Clock);
        var stored = await db.GeneratedDocuments.AsNoTracking().SingleAsync(d => d.Id == first.Id);

        GeneratedDocument Copy(Guid? requestId, Guid? ticketId) => new()
        {
            Template = stored.Template, Title = stored.Title, FileName = stored.FileName, Sha256 = stored.Sha256, SourceSha256 = stored.SourceSha256,
            RequestId = requestId, TicketId = ticketId, GeneratedAt = stored.GeneratedAt, GeneratedByName = "Autre agent",
        };

        db.GeneratedDocuments.Add(Copy(world.RequestA, world.TicketA));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("ux_generated_documents_request_source", Assert.IsType<Npgsql.PostgresException>(refused.InnerException).ConstraintName);
        db.ChangeTracker.Clear();

        // The same source for the ticket alone is another owner, and twice for it is refused too.
        db.GeneratedDocuments.Add(Copy(null, world.TicketA));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.GeneratedDocuments.Add(Copy(null, world.TicketA));
        refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("ux_generated_documents_ticket_source", Assert.IsType<Npgsql.PostgresException>(refused.InnerException).ConstraintName);
    }
}
