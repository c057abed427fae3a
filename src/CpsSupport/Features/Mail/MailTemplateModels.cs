namespace CpsSupport.Features.Mail;

/// <summary>The ticket as mail templates see it (<c>ticket.number</c>, <c>ticket.subject</c>, <c>ticket.requester_name</c>).</summary>
public sealed record MailTicket(string Number, string Subject, string? RequesterName);

/// <summary>Model of <c>mail/acknowledgement</c>.</summary>
public sealed record AcknowledgementMail(MailTicket Ticket, string DeskName);

/// <summary>Model of <c>mail/reply</c>: the agent's text wrapped with a greeting and the desk's signature.</summary>
public sealed record ReplyMail(MailTicket Ticket, string Body, string? AuthorName, string DeskName);

/// <summary>Model of <c>mail/missing-pieces</c>: the reminder of a request waiting for pieces.</summary>
public sealed record MissingPiecesMail(MailTicket Ticket, string RequestNumber, IReadOnlyList<string> Pieces, DateOnly ClosesOn, int ReminderCount, string DeskName);

/// <summary>A rendered mail: the subject the template assigned and its plain-text body.</summary>
public sealed record RenderedMail(string Subject, string Body);
