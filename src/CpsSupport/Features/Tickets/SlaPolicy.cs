namespace CpsSupport.Features.Tickets;

/// <summary>
/// Default SLA targets in business hours (desk hours of business days, 9.5 h a day), used until a supervisor sets the
/// category's <see cref="SlaTarget"/>. Card-security cases (loss, theft) are answered within the hour and closed within
/// a day; order and setup questions get two to five days.
/// </summary>
public sealed class SlaPolicy
{
    public static SlaPolicy Default { get; } = new();

    public const double BusinessDay = 9.5;

    public (TimeSpan FirstResponse, TimeSpan Resolution) For(TicketCategory category) => category switch
    {
        TicketCategory.Loss or TicketCategory.Theft => (Hours(1), Hours(BusinessDay)),
        TicketCategory.BlockedPin or TicketCategory.ForgottenPin => (Hours(2), Hours(2 * BusinessDay)),
        TicketCategory.Malfunction or TicketCategory.CardNotReceived or TicketCategory.CodesNotReceived => (Hours(4), Hours(3 * BusinessDay)),
        TicketCategory.ECpsActivation or TicketCategory.ReaderSetup => (Hours(4), Hours(2 * BusinessDay)),
        TicketCategory.CardOrder or TicketCategory.Mandataries or TicketCategory.TechnicalAdministrators or TicketCategory.DeliveryAddressChange
            => (Hours(BusinessDay), Hours(5 * BusinessDay)),
        _ => (Hours(BusinessDay), Hours(5 * BusinessDay)),
    };

    private static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);
}
