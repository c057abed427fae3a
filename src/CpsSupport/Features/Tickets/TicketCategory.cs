namespace CpsSupport.Features.Tickets;

/// <summary>What the case is about; drives the SLA targets and the suggested form.</summary>
public enum TicketCategory
{
    Loss,
    Theft,
    Malfunction,
    CardNotReceived,
    CodesNotReceived,
    BlockedPin,
    ForgottenPin,
    DeliveryAddressChange,
    Mandataries,
    TechnicalAdministrators,
    CardOrder,
    ECpsActivation,
    ReaderSetup,
    Other,
}
