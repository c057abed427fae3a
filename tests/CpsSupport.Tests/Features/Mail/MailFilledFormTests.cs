using CpsSupport.Features.Documents;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using CpsSupport.Tests.Features.Documents;
using MimeKit;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>A filled PDF form arriving by mail is handed to the documents feature: proposed on the ticket as a pre-filled request.</summary>
public sealed class MailFilledFormTests
{
    [Theory]
    [InlineData("application", "pdf")]
    [InlineData("application", "octet-stream")] // as some mail clients send any attachment
    public async Task A_filled_form_attached_to_a_mail_is_proposed_on_the_new_ticket_with_checked_values(string mediaType, string subtype)
    {
        await using var w = await MailWorld.CreateAsync();
        var message = MailWorld.Incoming("jp.martin@cabinet.example", "Déclaration de vol", "Ci-joint le formulaire rempli.");
        var incident = w.Clock.GetUtcNow().AddDays(-2);
        var pdf = new AcroFormPdf { Title = "Déclaration d'incident" }
            .Text("formulaire", "F501").Text("declarantCapacity", "holder")
            .Text("holder.lastName", "Martin").Text("holder.firstName", "Jean-Pierre").Text("holder.birthDate", "14/03/1975")
            .Text("holder.nationalId", "8 9970 0026 547").Text("cardSerial", "2501234567").Checkbox("kind.theft", true)
            .Text("incidentOn", incident.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)).Text("circumstances", "Sacoche volée.").ToBytes();
        message.Body = new Multipart("mixed")
        {
            message.Body!,
            new MimePart(mediaType, subtype) { FileName = "declaration.pdf", Content = new MimeContent(new MemoryStream(pdf)), ContentTransferEncoding = ContentEncoding.Base64 },
        };

        var result = await w.IngestAsync(MailWorld.Bytes(message));

        Assert.Equal(1, result.Processed);
        var ticket = Assert.Single(await w.TicketsAsync());
        var forms = new FilledFormService(w.Factory, new FilledFormReader(w.Clock));
        var proposal = Assert.Single(await forms.ProposeForTicketAsync(w.Desk, ticket.Id));
        Assert.Equal(("declaration.pdf", FormCode.F501), (proposal.FileName, proposal.Form));
        Assert.False(proposal.HasErrors, string.Join("; ", proposal.Reading.Fields.Select(f => f.Error)));
        Assert.Equal("899700026547", proposal.Reading.ValueOf("holder.nationalId"));
        Assert.Equal(incident.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), proposal.Reading.ValueOf("incidentOn"));
        // The values are also in the ticket's internal note for the timeline.
        Assert.Contains(ticket.Messages, m => m.Kind == TicketMessageKind.InternalNote && m.Body.Contains("declaration.pdf"));
    }
}
