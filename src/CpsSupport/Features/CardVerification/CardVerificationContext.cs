using CpsSupport.Features.Access;

namespace CpsSupport.Features.CardVerification;

/// <summary>
/// Where the verification is asked from: a ticket (its person and cards are the expected ones, the verdict goes on its
/// timeline), a card page (that card and its holder), or a standalone diagnosis (nothing expected).
/// </summary>
public sealed record CardVerificationContext(AccessScope Scope, Guid? TicketId = null, Guid? CardId = null);
