using CpsSupport.Data;
using CpsSupport.Features.Files;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Tests.TestUtilities;

/// <summary>A file attached to a received mail; PDF unless said otherwise.</summary>
public sealed record ReceivedFile(string Name, byte[] Bytes, string ContentType = "application/pdf");

/// <summary>
/// A mail received on a ticket with its attachments, stored as mail ingestion stores them (content once by its SHA-256):
/// the filled forms and identity scans that request pages read. Added to the context, saved by the caller.
/// </summary>
public static class ReceivedMail
{
    /// <returns>The message; its attachments are in the order of <paramref name="files"/>.</returns>
    public static async Task<TicketMessage> AddAsync(CpsDbContext db, Guid ticketId, string body, params ReceivedFile[] files)
    {
        var now = DateTimeOffset.UtcNow;
        var mail = new TicketMessage { TicketId = ticketId, Kind = TicketMessageKind.IncomingMail, Body = body, CreatedAt = now };
        foreach (var file in files)
        {
            mail.Attachments.Add(new Attachment
            {
                FileName = file.Name, ContentType = file.ContentType, Size = file.Bytes.Length, CreatedAt = now,
                Sha256 = await FileStore.AddAsync(db, file.Bytes, now, CancellationToken.None),
            });
        }

        db.TicketMessages.Add(mail);
        return mail;
    }
}
