using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>
/// A filled PDF form attached to a ticket is proposed to the agent as a pre-filled request, each value checked; a PDF
/// without fields, or another file, gives no proposal.
/// </summary>
public sealed class FilledFormServiceTests : IAsyncLifetime
{
    private static readonly AccessScope Desk = new(Guid.NewGuid(), true, false, new HashSet<Guid>());
    private readonly MutableClock _clock = new(Paris.At(2026, 11, 24, 10));
    private TestDatabase _database = null!;
    private TicketService _tickets = null!;
    private FilledFormService _forms = null!;
    private Guid _ticketId;
    private Guid _structureId;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        var factory = new TestDbContextFactory(_database, _clock);
        await using (var db = _database.CreateContext(_clock))
        {
            var structure = new RegistryBuilder(db).Structure("Pharmacie des Tilleuls", finess: "010000024");
            await db.SaveChangesAsync();
            _structureId = structure.Id;
        }

        _tickets = new TicketService(factory, _clock, new SystemActor("Lucie Moreau"), new TicketSla(BusinessCalendar.Default));
        _forms = new FilledFormService(factory, new FilledFormReader(_clock));
        _ticketId = (await _tickets.CreateAsync(Desk, new NewTicket("Déclaration de vol par courriel", TicketChannel.Mail, TicketCategory.Other, StructureId: _structureId))).Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Guid> AttachAsync(string fileName, byte[] content)
    {
        await _tickets.AddMessageAsync(Desk, _ticketId, new NewTicketMessage(TicketMessageKind.InternalNote, "Pièce reçue", [new NewAttachment(fileName, content)]));
        await using var db = _database.CreateContext();
        return await db.Attachments.Where(a => a.FileName == fileName).Select(a => a.Id).SingleAsync();
    }

    private static AcroFormPdf FilledF501(string nationalId) => new AcroFormPdf { Title = "Déclaration d'incident" }
        .Text("formulaire", "F501")
        .Text("declarantCapacity", "holder")
        .Text("holder.lastName", "Martin")
        .Text("holder.firstName", "Jean-Pierre")
        .Text("holder.birthDate", "14/03/1975")
        .Text("holder.nationalId", nationalId)
        .Text("cardSerial", "2501234567")
        .Checkbox("kind.theft", true)
        .Text("incidentOn", "20/11/2026")
        .Text("circumstances", "Sacoche volée dans le RER A.");

    [Fact]
    public async Task A_filled_F501_attached_to_a_ticket_is_proposed_with_its_values_checked()
    {
        var attachmentId = await AttachAsync("f501-rempli.pdf", FilledF501("8 9970 0026 547").ToBytes());

        var proposal = await _forms.ProposeFromAttachmentAsync(attachmentId);

        Assert.NotNull(proposal);
        Assert.Equal((attachmentId, "f501-rempli.pdf", _ticketId, FormCode.F501), (proposal.AttachmentId, proposal.FileName, proposal.TicketId, proposal.Form));
        Assert.False(proposal.HasErrors, string.Join("; ", proposal.Reading.Fields.Select(f => f.Error)));
        Assert.Equal("899700026547", proposal.Reading.ValueOf("holder.nationalId"));
        Assert.Equal("1975-03-14", proposal.Reading.ValueOf("holder.birthDate"));
        Assert.Equal("2026-11-20", proposal.Reading.ValueOf("incidentOn"));
        Assert.Equal("theft", proposal.Reading.ValueOf("kind"));
        Assert.Equal("2501234567", proposal.Reading.ValueOf("cardSerial"));

        // The ticket page lists it, to desk staff only.
        var listed = await _forms.ProposeForTicketAsync(Desk, _ticketId);
        Assert.Equal([attachmentId], listed.Select(p => p.AttachmentId));
        var portal = new AccessScope(Guid.NewGuid(), false, false, new HashSet<Guid> { _structureId });
        Assert.Empty(await _forms.ProposeForTicketAsync(portal, _ticketId));
        Assert.Null(await _forms.ProposeFromAttachmentAsync(portal, attachmentId));
    }

    [Fact]
    public async Task A_wrong_identifier_is_proposed_as_typed_with_a_French_message()
    {
        var attachmentId = await AttachAsync("f501-cle-fausse.pdf", FilledF501("899700026548").Text("holder.birthDate", "31/02/1975").ToBytes());

        var proposal = await _forms.ProposeFromAttachmentAsync(Desk, attachmentId);

        Assert.NotNull(proposal);
        Assert.True(proposal.HasErrors);
        var nationalId = proposal.Reading.Fields.Single(f => f.Key == "holder.nationalId");
        Assert.Equal("899700026548", nationalId.Value);
        Assert.Equal("L'identifiant national 899700026548 a une clé de contrôle invalide (numéro RPPS 99700026548)", nationalId.Error);
        Assert.EndsWith("à vérifier.", proposal.Reading.Message);
    }

    [Fact]
    public async Task A_pdf_without_fields_and_other_files_give_no_proposal()
    {
        var scan = await AttachAsync("scan.pdf", new AcroFormPdf { PageText = "F501 - Declaration d'incident" }.ToBytes());
        var photo = await AttachAsync("note.txt", "F501 rempli à la main"u8.ToArray());

        Assert.Null(await _forms.ProposeFromAttachmentAsync(scan));
        Assert.Null(await _forms.ProposeFromAttachmentAsync(photo));
        Assert.Null(await _forms.ProposeFromAttachmentAsync(Guid.NewGuid()));
        Assert.Empty(await _forms.ProposeForTicketAsync(Desk, _ticketId));
    }
}
