namespace CpsSupport.Features.Requests.Rules;

/// <summary>Every rule of the forms F501–F504, by name: tests, timelines and screens refer to them.</summary>
public enum RequestRule
{
    // Who may file which form
    IncidentDeclarant,
    AuthorityAsksOnlyForOpposition,
    MandatariesByLegalRepresentativeOnly,
    LegalRepresentativeOrMandatary,

    // Channels
    MailNeedsIdDocument,
    PhoneOnlyForHolderWithUnblockCode,
    TomForStructureHeadsAndMandataries,
    TopsForLiberalPracticeHeadsForTheirEmployees,
    PortalForStructureHeadsAndMandataries,
    StructureFormsByMailOrPortal,

    // The card and the incident
    CardStatusAllowsIncident,
    CardNotReceivedOnlyAfterExpectedDate,
    CodesNotReceivedOnlyAfterExpectedDate,
    RppsOppositionOnlyAfterRadiation,
    ReplacementDeclinedOnlyForLossOrTheft,
    TestCardPinIsNotResent,
    PinLetterNeedsCorrespondenceAddress,

    // The people and addresses a structure form names
    MandataryHoldsActiveCard,
    TechnicalAdministratorHoldsActiveCard,
    TechnicalAdministratorsNeedMembershipContract,
    DeclarantHoldsActiveCard,
    DeliveryAddressComplete,
    SomethingToChange,
}
