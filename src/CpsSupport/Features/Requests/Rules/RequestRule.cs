namespace CpsSupport.Features.Requests.Rules;

/// <summary>Every rule of the forms F501–F504 and of the card orders F101–F414, by name: tests, timelines and screens refer to them.</summary>
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

    // Card orders (F101, F201, F301, F414)
    OrderFormAllowedForStructureKind,
    OrderChannelAllowed,
    OrderedByLegalRepresentativeOrMandatary,
    LegalRepresentativeCardOnlyForTheLegalRepresentative,
    RequesterHoldsActiveCard,
    CpaNeedsCdaAndMembershipContract,
    OrderHasCardLines,
    HolderDetailsComplete,
    HolderIdentifierValid,
    RppsProfessionsGetTheirCpsAutomatically,
    CpsOrderOnlyForSalariedMedicalAuxiliaries,
    TestCardFromTheOffer,
    NoDuplicateLineInOrder,
    NoActiveCardOfSameType,
    OrderDeliveryAddressComplete,
}
