using CpsSupport.Features.Documents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Structures;
using CpsSupport.Tests.Features.Documents;
using CpsSupport.Tests.Features.Incidents;
using CpsSupport.Tests.TestUtilities;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Tests.Features.Structures;

/// <summary>
/// A filled F502 received on a ticket, against a real PostgreSQL: the structure found by the FINESS written on the form,
/// its roster read from the registry (active card holders with their national identifiers), and the draft filed as it is.
/// </summary>
public sealed class StructureFormDraftServiceTests
{
    private static StructureFormDraftService Service(IncidentWorld w) =>
        new(w.Factory, new StructureService(w.Factory, w.Clock), w.StructureForms);

    private static async Task<FilledFormReading> ReadAsync(IncidentWorld w, AcroFormPdf pdf) => await new FilledFormReader(w.Clock).ReadAsync(pdf.ToBytes());

    [Fact]
    public async Task The_structure_is_the_one_the_form_names_else_the_tickets()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var service = Service(w);
        var named = await ReadAsync(w, new AcroFormPdf().Text("formulaire", "F504").Text("finess", "010 000 024"));
        var unnamed = await ReadAsync(w, new AcroFormPdf().Text("formulaire", "F504").Text("newAddress.city", "Paris"));

        var byFiness = await service.IdentifyAsync(w.Desk, named, ticketStructureId: null);
        var otherThanTicket = await service.IdentifyAsync(w.Desk, named, ticketStructureId: w.Clinic);
        var byTicket = await service.IdentifyAsync(w.Desk, unnamed, ticketStructureId: w.Clinic);
        var none = await service.IdentifyAsync(w.Desk, unnamed, ticketStructureId: null);

        Assert.Equal((w.Hospital, (string?)null), (byFiness.Structure!.Id, byFiness.Message));
        Assert.Equal(w.Hospital, otherThanTicket.Structure!.Id);
        Assert.Equal("La structure du formulaire (Centre hospitalier de Test-sur-Loire, 010000024) n'est pas celle du ticket (Clinique du Parc) : la structure du formulaire est retenue.",
            otherThanTicket.Message);
        Assert.Equal((w.Clinic, (string?)null), (byTicket.Structure!.Id, byTicket.Message));
        Assert.Null(none.Structure);
        Assert.Equal("Le formulaire ne nomme pas la structure (FINESS, SIRET ou SIREN) et le ticket n'en a pas : choisissez-la.", none.Message);
    }

    [Fact]
    public async Task A_filled_F502_is_matched_on_the_registry_and_filed_as_drafted_by_the_desk()
    {
        await using var w = await IncidentWorld.CreateAsync(Paris.At(2026, 6, 15, 10));
        var (ticketId, idScan) = await w.MailWithIdScanAsync("F502");
        var reading = await ReadAsync(w, new AcroFormPdf()
            .Text("formulaire", "F502").Text("finess", "010000024")
            .Text("legalRepresentative.lastName", "Directrice").Text("legalRepresentative.firstName", "Hélène")
            .Text("mandataries[0].action", "designate").Text("mandataries[0].lastName", "Infirmière").Text("mandataries[0].firstName", "Alice")
            .Text("mandataries[0].nationalId", "899700026547")
            .Text("mandataries[1].action", "designate").Text("mandataries[1].lastName", "Sanscarte").Text("mandataries[1].firstName", "Paul")
            .Text("mandataries[2].action", "remove").Text("mandataries[2].lastName", "Mandataire").Text("mandataries[2].firstName", "Marc"));
        var service = Service(w);

        var structure = (await service.IdentifyAsync(w.Desk, reading, ticketStructureId: null)).Structure!;
        var draft = (await service.DraftAsync(w.Desk, reading, structure.Id))!;

        // Paul SANSCARTE's only card expired: not a card holder of the structure the registry can designate.
        Assert.Equal((CpsSupport.Features.Tickets.RequesterCapacity.StructureHead, (Guid?)w.Head), (draft.DeclarantCapacity, draft.DeclarantPersonId));
        Assert.Equal([(Guid?)w.Nurse, null, w.Mandatary], draft.Lines.Select(l => l.PersonId));
        Assert.Equal(["Ligne 2 : Paul SANSCARTE ne détient aucune carte active de cette structure."], draft.Messages);

        var included = draft.Lines.Where(l => l.Included).ToList();
        var outcome = await w.StructureForms.ChangeMandatariesAsync(w.Desk,
            new StructureFiling(structure.Id, RequestChannel.Mail, draft.DeclarantCapacity, draft.DeclarantPersonId, draft.DeclarantName, idScan, "Formulaire F502 reçu.", ticketId),
            included.Where(l => l.Add).Select(l => l.PersonId!.Value).ToList(), included.Where(l => !l.Add).Select(l => l.PersonId!.Value).ToList());

        Assert.Equal(RequestStatus.Completed, outcome.Status);
        var request = await w.ReadAsync(db => db.Requests.SingleAsync(r => r.Id == outcome.RequestId));
        Assert.Equal((ticketId, w.Hospital), (request.TicketId!.Value, request.StructureId!.Value));
        Assert.True(await w.ReadAsync(db => db.Mandates.AnyAsync(m => m.PersonId == w.Nurse && m.StructureId == w.Hospital && m.EndsOn == null)));
        Assert.Equal(new DateOnly(2026, 6, 14), await w.ReadAsync(db => db.Mandates.Where(m => m.PersonId == w.Mandatary).Select(m => m.EndsOn).SingleAsync()));
    }
}
