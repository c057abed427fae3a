using System.Reflection;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using static CpsSupport.Features.Incidents.IncidentKind;
using static CpsSupport.Features.Requests.RequestChannel;
using static CpsSupport.Features.Tickets.RequesterCapacity;

namespace CpsSupport.Tests.Features.Requests;

/// <summary>One test per rule of <see cref="RequestRules"/>, named after it (seeds/001, seeds/004, DOMAIN.md).</summary>
public sealed class RequestRulesTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);
    private static readonly Guid HolderId = Guid.NewGuid();
    private static readonly Guid HeadId = Guid.NewGuid();
    private static readonly Guid MandataryId = Guid.NewGuid();
    private static readonly Guid StrangerId = Guid.NewGuid();
    private static readonly Guid HospitalId = Guid.NewGuid();
    private static readonly Guid PracticeId = Guid.NewGuid();

    private static readonly StructureFacts Hospital = new(HospitalId, "Centre hospitalier de Test", StructureKind.HealthEstablishment, HeadId, new HashSet<Guid> { MandataryId }, true);
    private static readonly StructureFacts Practice = new(PracticeId, "Cabinet du Dr Martin", StructureKind.LiberalPractice, HeadId, new HashSet<Guid>(), true);

    public enum Who
    {
        Holder,
        Head,
        Mandatary,
        Stranger,
        Nobody,
    }

    private static Guid? Id(Who who) => who switch
    {
        Who.Holder => HolderId,
        Who.Head => HeadId,
        Who.Mandatary => MandataryId,
        Who.Stranger => StrangerId,
        _ => null,
    };

    private static CardFacts Card(CardStatus status = CardStatus.Active, CardType type = CardType.Cpe, NationalIdKind idKind = NationalIdKind.None,
        DateOnly? radiated = null, Guid? structureId = null, bool noStructure = false, DateOnly? expected = null, DateOnly? codes = null, DateOnly? shipped = null,
        bool address = true) =>
        new(Guid.NewGuid(), "2612345678", type, status, HolderId, "Sophie LEGRAND", idKind, radiated, address,
            noStructure ? null : structureId ?? HospitalId, expected, codes, shipped, status == CardStatus.Opposed ? new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero) : null);

    private static IncidentFacts Incident(IncidentKind kind = Loss, RequestChannel channel = RequestChannel.Mail, RequesterCapacity capacity = RequesterCapacity.Holder,
        Who declarant = Who.Holder, CardFacts? card = null, StructureFacts? structure = null, bool idDocument = true, bool unblockCode = false,
        bool declineReplacement = false, RevocationGround? ground = null, DateOnly? radiationStated = null, string? declarantName = null)
    {
        var c = card ?? Card();
        var s = structure ?? (c.StructureId == PracticeId ? Practice : c.StructureId is null ? null : Hospital);
        return new IncidentFacts(kind, channel, capacity, Id(declarant), declarantName, c, s, Today, idDocument, unblockCode, declineReplacement, ground, radiationStated);
    }

    private static RuleResult Rule(RuleReport report, RequestRule rule) => Assert.Single(report.Results, r => r.Rule == rule);

    [Theory]
    [InlineData(RequesterCapacity.Holder, Who.Holder, true)]
    [InlineData(RequesterCapacity.Holder, Who.Stranger, false)]
    [InlineData(StructureHead, Who.Head, true)]
    [InlineData(StructureHead, Who.Stranger, false)]
    [InlineData(RequesterCapacity.Mandatary, Who.Mandatary, true)]
    [InlineData(RequesterCapacity.Mandatary, Who.Stranger, false)]
    [InlineData(Other, Who.Stranger, false)]
    public void IncidentDeclarant_is_the_holder_for_their_card_or_the_head_or_a_mandatary_of_its_structure(RequesterCapacity capacity, Who who, bool allowed)
    {
        var result = RequestRules.IncidentDeclarant(Incident(capacity: capacity, declarant: who));

        Assert.Equal(allowed, result.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(result.Explanation));
    }

    [Fact]
    public void IncidentDeclarant_structure_head_or_mandatary_cannot_declare_a_card_without_structure()
    {
        var card = Card(noStructure: true);

        Assert.False(RequestRules.IncidentDeclarant(Incident(capacity: StructureHead, declarant: Who.Head, card: card)).Allowed);
        Assert.False(RequestRules.IncidentDeclarant(Incident(capacity: RequesterCapacity.Mandatary, declarant: Who.Mandatary, card: card)).Allowed);
        Assert.True(RequestRules.IncidentDeclarant(Incident(capacity: RequesterCapacity.Holder, declarant: Who.Holder, card: card)).Allowed);
    }

    [Fact]
    public void IncidentDeclarant_authority_must_say_who_it_is()
    {
        Assert.False(RequestRules.IncidentDeclarant(Incident(Revocation, capacity: Authority, declarant: Who.Nobody, ground: RevocationGround.AuthorityDecision)).Allowed);
        var named = RequestRules.IncidentDeclarant(Incident(Revocation, capacity: Authority, declarant: Who.Nobody, declarantName: "Ordre national des infirmiers"));
        Assert.True(named.Allowed);
        Assert.Contains("Ordre national des infirmiers", named.Explanation);
    }

    [Theory]
    [InlineData(Revocation, true)]
    [InlineData(Loss, false)]
    [InlineData(ForgottenPin, false)]
    public void AuthorityAsksOnlyForOpposition(IncidentKind kind, bool allowed) =>
        Assert.Equal(allowed, RequestRules.AuthorityAsksOnlyForOpposition(Incident(kind, capacity: Authority, declarant: Who.Nobody, declarantName: "ARS")).Allowed);

    [Fact]
    public void MailNeedsIdDocument_open_to_every_profile_and_without_the_scan_the_request_waits_for_it()
    {
        foreach (var (capacity, who) in new[] { (RequesterCapacity.Holder, Who.Holder), (StructureHead, Who.Head), (RequesterCapacity.Mandatary, Who.Mandatary) })
        {
            var complete = RequestRules.CheckIncident(Incident(capacity: capacity, declarant: who, idDocument: true));
            Assert.True(complete.Allowed);
            Assert.Empty(complete.MissingPieces);

            var incomplete = RequestRules.CheckIncident(Incident(capacity: capacity, declarant: who, idDocument: false));
            Assert.True(incomplete.Allowed);
            Assert.Equal([RequestRules.IdDocumentPiece], incomplete.MissingPieces);
            Assert.Contains("Pièces manquantes", Rule(incomplete, RequestRule.MailNeedsIdDocument).Explanation);
        }
        var authority = RequestRules.CheckIncident(Incident(Revocation, capacity: Authority, declarant: Who.Nobody, declarantName: "ARS", idDocument: false,
            ground: RevocationGround.AuthorityDecision));
        Assert.Equal([RequestRules.AuthorityLetterPiece], authority.MissingPieces);
    }

    [Theory]
    [InlineData(Loss, RequesterCapacity.Holder, true, true)]
    [InlineData(Loss, RequesterCapacity.Holder, false, false)]
    [InlineData(Theft, RequesterCapacity.Holder, true, true)]
    [InlineData(Theft, RequesterCapacity.Holder, false, false)]
    [InlineData(Malfunction, RequesterCapacity.Holder, true, true)]
    [InlineData(Malfunction, RequesterCapacity.Holder, false, false)]
    [InlineData(CardNotReceived, RequesterCapacity.Holder, true, true)]
    [InlineData(CardNotReceived, RequesterCapacity.Holder, false, false)]
    [InlineData(CodesNotReceived, RequesterCapacity.Holder, false, false)]
    [InlineData(ForgottenPin, RequesterCapacity.Holder, false, true)]
    [InlineData(BlockedPin, RequesterCapacity.Holder, false, true)]
    [InlineData(BlockedPin, RequesterCapacity.Holder, true, true)]
    [InlineData(Revocation, RequesterCapacity.Holder, true, false)]
    [InlineData(Loss, StructureHead, true, false)]
    [InlineData(Loss, RequesterCapacity.Mandatary, true, false)]
    public void PhoneOnlyForHolderWithUnblockCode(IncidentKind kind, RequesterCapacity capacity, bool unblockCode, bool allowed)
    {
        var who = capacity switch { StructureHead => Who.Head, RequesterCapacity.Mandatary => Who.Mandatary, _ => Who.Holder };
        var result = RequestRules.PhoneOnlyForHolderWithUnblockCode(Incident(kind, Phone, capacity, who, unblockCode: unblockCode, ground: RevocationGround.Other));

        Assert.Equal(allowed, result.Allowed);
        if (!allowed && capacity == RequesterCapacity.Holder && kind is Loss or Theft or Malfunction or CardNotReceived)
            Assert.Contains("code de déblocage", result.Explanation);
    }

    [Fact]
    public void PhoneOnlyForHolderWithUnblockCode_phone_declarations_need_no_identity_scan()
    {
        var report = RequestRules.CheckIncident(Incident(Loss, Phone, unblockCode: true, idDocument: false));

        Assert.True(report.Allowed);
        Assert.Empty(report.MissingPieces);
    }

    [Theory]
    [InlineData(StructureHead, Who.Head, StructureKind.HealthEstablishment, true)]
    [InlineData(RequesterCapacity.Mandatary, Who.Mandatary, StructureKind.HealthEstablishment, true)]
    [InlineData(StructureHead, Who.Head, StructureKind.MedicoSocial, true)]
    [InlineData(RequesterCapacity.Holder, Who.Holder, StructureKind.HealthEstablishment, false)]
    [InlineData(StructureHead, Who.Head, StructureKind.LiberalPractice, false)]
    public void TomForStructureHeadsAndMandataries(RequesterCapacity capacity, Who who, StructureKind kind, bool allowed)
    {
        var structure = Hospital with { Kind = kind };
        Assert.Equal(allowed, RequestRules.TomForStructureHeadsAndMandataries(Incident(channel: Tom, capacity: capacity, declarant: who, structure: structure)).Allowed);
    }

    [Theory]
    [InlineData(StructureHead, Who.Head, StructureKind.LiberalPractice, true)]
    [InlineData(StructureHead, Who.Head, StructureKind.HealthEstablishment, false)]
    [InlineData(RequesterCapacity.Mandatary, Who.Mandatary, StructureKind.LiberalPractice, false)]
    [InlineData(RequesterCapacity.Holder, Who.Holder, StructureKind.LiberalPractice, false)]
    public void TopsForLiberalPracticeHeadsForTheirEmployees(RequesterCapacity capacity, Who who, StructureKind kind, bool allowed)
    {
        var card = Card(structureId: PracticeId);
        var structure = Practice with { Kind = kind };
        Assert.Equal(allowed, RequestRules.TopsForLiberalPracticeHeadsForTheirEmployees(Incident(channel: Tops, capacity: capacity, declarant: who, card: card, structure: structure)).Allowed);
    }

    [Fact]
    public void TopsForLiberalPracticeHeadsForTheirEmployees_not_for_their_own_card()
    {
        var ownCard = Card(structureId: PracticeId) with { HolderId = HeadId };

        var result = RequestRules.TopsForLiberalPracticeHeadsForTheirEmployees(Incident(channel: Tops, capacity: StructureHead, declarant: Who.Head, card: ownCard));

        Assert.False(result.Allowed);
        Assert.Contains("employés", result.Explanation);
    }

    [Theory]
    [InlineData(StructureHead, true)]
    [InlineData(RequesterCapacity.Mandatary, true)]
    [InlineData(RequesterCapacity.Holder, false)]
    [InlineData(Authority, false)]
    public void PortalForStructureHeadsAndMandataries(RequesterCapacity capacity, bool allowed) =>
        Assert.Equal(allowed, RequestRules.PortalForStructureHeadsAndMandataries(capacity).Allowed);

    [Theory]
    [InlineData(Loss, CardStatus.Active, true)]
    [InlineData(Loss, CardStatus.Blocked, true)]
    [InlineData(Loss, CardStatus.Shipped, true)]
    [InlineData(Loss, CardStatus.Ordered, false)]
    [InlineData(Loss, CardStatus.Opposed, false)]
    [InlineData(Loss, CardStatus.Expired, false)]
    [InlineData(Theft, CardStatus.Returned, false)]
    [InlineData(Malfunction, CardStatus.CodesSent, true)]
    [InlineData(Malfunction, CardStatus.InProduction, false)]
    [InlineData(CardNotReceived, CardStatus.Shipped, true)]
    [InlineData(CardNotReceived, CardStatus.Active, false)]
    [InlineData(CardNotReceived, CardStatus.InProduction, false)]
    [InlineData(ForgottenPin, CardStatus.Active, true)]
    [InlineData(ForgottenPin, CardStatus.Shipped, false)]
    [InlineData(BlockedPin, CardStatus.Blocked, true)]
    [InlineData(CodesNotReceived, CardStatus.Ordered, false)]
    [InlineData(Revocation, CardStatus.Active, true)]
    public void CardStatusAllowsIncident(IncidentKind kind, CardStatus status, bool allowed)
    {
        var result = RequestRules.CardStatusAllowsIncident(Incident(kind, card: Card(status, expected: new DateOnly(2026, 5, 19))));

        Assert.Equal(allowed, result.Allowed);
        if (status == CardStatus.Opposed) Assert.Contains("déjà en opposition depuis le 01/04/2026", result.Explanation);
        if (status == CardStatus.Ordered && kind == Loss) Assert.Contains("attendue le 19/05/2026", result.Explanation);
    }

    [Theory]
    [InlineData("2026-05-04", false)] // the expected day itself: not late yet
    [InlineData("2026-05-06", false)]
    [InlineData("2026-04-30", true)]
    public void CardNotReceivedOnlyAfterExpectedDate(string expectedOn, bool allowed)
    {
        var card = Card(CardStatus.Shipped, expected: DateOnly.Parse(expectedOn), shipped: new DateOnly(2026, 4, 28));

        var result = RequestRules.CardNotReceivedOnlyAfterExpectedDate(Incident(CardNotReceived, card: card));

        Assert.Equal(allowed, result.Allowed);
        Assert.Contains("expédiée le 28/04/2026", result.Explanation);
    }

    [Theory]
    [InlineData(CardStatus.CodesSent, "2026-05-04", false)]
    [InlineData(CardStatus.CodesSent, "2026-04-30", true)]
    [InlineData(CardStatus.Shipped, null, false)]
    [InlineData(CardStatus.Active, null, true)]
    public void CodesNotReceivedOnlyAfterExpectedDate(CardStatus status, string? codesOn, bool allowed)
    {
        var card = Card(status, codes: codesOn is null ? null : DateOnly.Parse(codesOn));

        Assert.Equal(allowed, RequestRules.CodesNotReceivedOnlyAfterExpectedDate(Incident(CodesNotReceived, card: card)).Allowed);
    }

    [Fact]
    public void RppsOppositionOnlyAfterRadiation_refused_clearly_while_no_radiation_is_recorded()
    {
        var rppsCps = Card(type: CardType.Cps, idKind: NationalIdKind.Rpps);

        var result = RequestRules.RppsOppositionOnlyAfterRadiation(Incident(Revocation, capacity: StructureHead, declarant: Who.Head, card: rppsCps,
            ground: RevocationGround.EndOfPractice));

        Assert.False(result.Allowed);
        Assert.Contains("RPPS", result.Explanation);
        Assert.Contains("radiation", result.Explanation);
        Assert.Contains("Ordre", result.Explanation);
    }

    [Fact]
    public void RppsOppositionOnlyAfterRadiation_accepted_once_radiated_or_when_the_authority_states_the_radiation()
    {
        var radiated = Card(type: CardType.Cps, idKind: NationalIdKind.Rpps, radiated: new DateOnly(2026, 4, 15));
        Assert.True(RequestRules.RppsOppositionOnlyAfterRadiation(Incident(Revocation, card: radiated, ground: RevocationGround.EndOfPractice)).Allowed);

        var notYet = Card(type: CardType.Cps, idKind: NationalIdKind.Rpps);
        var byOrder = Incident(Revocation, capacity: Authority, declarant: Who.Nobody, declarantName: "Ordre des médecins", card: notYet,
            ground: RevocationGround.EndOfPractice, radiationStated: new DateOnly(2026, 4, 30));
        Assert.True(RequestRules.RppsOppositionOnlyAfterRadiation(byOrder).Allowed);

        // Only the competent authority's word counts; a radiation announced for later does not either.
        Assert.False(RequestRules.RppsOppositionOnlyAfterRadiation(byOrder with { Capacity = StructureHead, DeclarantPersonId = HeadId }).Allowed);
        Assert.False(RequestRules.RppsOppositionOnlyAfterRadiation(byOrder with { RadiationStatedOn = Today.AddDays(10) }).Allowed);
    }

    [Fact]
    public void RppsOppositionOnlyAfterRadiation_concerns_neither_other_professions_nor_losses()
    {
        var adeli = Card(type: CardType.Cps, idKind: NationalIdKind.Adeli);
        Assert.True(RequestRules.RppsOppositionOnlyAfterRadiation(Incident(Revocation, card: adeli, ground: RevocationGround.EndOfPractice)).Allowed);

        var lost = RequestRules.CheckIncident(Incident(Loss, card: Card(type: CardType.Cps, idKind: NationalIdKind.Rpps)));
        Assert.True(lost.Allowed);
        Assert.DoesNotContain(lost.Results, r => r.Rule == RequestRule.RppsOppositionOnlyAfterRadiation);
    }

    [Theory]
    [InlineData(Loss, true)]
    [InlineData(Theft, true)]
    [InlineData(Malfunction, false)]
    [InlineData(CardNotReceived, false)]
    public void ReplacementDeclinedOnlyForLossOrTheft(IncidentKind kind, bool allowed) =>
        Assert.Equal(allowed, RequestRules.ReplacementDeclinedOnlyForLossOrTheft(Incident(kind, declineReplacement: true)).Allowed);

    [Fact]
    public void TestCardPinIsNotResent_and_the_application_does_not_repeat_it()
    {
        var result = RequestRules.TestCardPinIsNotResent(Incident(ForgottenPin, Phone, card: Card(type: CardType.Test)));

        Assert.False(result.Allowed);
        Assert.DoesNotContain("1234", result.Explanation);
        Assert.True(RequestRules.TestCardPinIsNotResent(Incident(ForgottenPin, Phone)).Allowed);
    }

    [Fact]
    public void PinLetterNeedsCorrespondenceAddress()
    {
        Assert.False(RequestRules.CheckIncident(Incident(ForgottenPin, Phone, card: Card(address: false))).Allowed);
        Assert.True(RequestRules.CheckIncident(Incident(ForgottenPin, Phone, card: Card(address: true))).Allowed);
        // Blocked PIN with the unblock code sends no letter: no address needed.
        Assert.True(RequestRules.CheckIncident(Incident(BlockedPin, Phone, unblockCode: true, card: Card(address: false))).Allowed);
    }

    private static StructureFormFacts Form(FormCode form, RequesterCapacity capacity, Who who, RequestChannel channel = Portal,
        IReadOnlyList<NamedPersonFacts>? added = null, IReadOnlyList<NamedPersonFacts>? removed = null, Address? address = null, bool activeCard = true,
        StructureFacts? structure = null, bool idDocument = false) =>
        new(form, channel, capacity, Id(who), structure ?? Hospital, idDocument, activeCard,
            added ?? (form == FormCode.F504 ? [] : [new NamedPersonFacts(StrangerId, "Jeanne MARTIN", true, false, false)]), removed ?? [],
            address ?? (form == FormCode.F504 ? new Address { Line1 = "3 rue Neuve", PostalCode = "75002", City = "Paris" } : null));

    [Theory]
    [InlineData(StructureHead, Who.Head, true)]
    [InlineData(RequesterCapacity.Mandatary, Who.Mandatary, false)]
    [InlineData(StructureHead, Who.Stranger, false)]
    [InlineData(RequesterCapacity.Holder, Who.Holder, false)]
    public void MandatariesByLegalRepresentativeOnly(RequesterCapacity capacity, Who who, bool allowed)
    {
        var result = RequestRules.MandatariesByLegalRepresentativeOnly(Form(FormCode.F502, capacity, who));

        Assert.Equal(allowed, result.Allowed);
        if (!allowed) Assert.Contains("représentant légal", result.Explanation);
    }

    [Theory]
    [InlineData(FormCode.F503, StructureHead, Who.Head, true)]
    [InlineData(FormCode.F503, RequesterCapacity.Mandatary, Who.Mandatary, true)]
    [InlineData(FormCode.F503, RequesterCapacity.Mandatary, Who.Stranger, false)]
    [InlineData(FormCode.F504, StructureHead, Who.Head, true)]
    [InlineData(FormCode.F504, RequesterCapacity.Mandatary, Who.Mandatary, true)]
    [InlineData(FormCode.F504, RequesterCapacity.Holder, Who.Holder, false)]
    public void LegalRepresentativeOrMandatary(FormCode form, RequesterCapacity capacity, Who who, bool allowed) =>
        Assert.Equal(allowed, RequestRules.LegalRepresentativeOrMandatary(Form(form, capacity, who)).Allowed);

    [Theory]
    [InlineData(Portal, true)]
    [InlineData(RequestChannel.Mail, true)]
    [InlineData(Phone, false)]
    [InlineData(Tom, false)]
    public void StructureFormsByMailOrPortal(RequestChannel channel, bool allowed)
    {
        foreach (var form in new[] { FormCode.F502, FormCode.F503, FormCode.F504 })
        {
            var report = RequestRules.CheckStructureForm(Form(form, StructureHead, Who.Head, channel));
            Assert.Equal(allowed, Rule(report, RequestRule.StructureFormsByMailOrPortal).Allowed);
            Assert.Equal(channel == RequestChannel.Mail ? [RequestRules.IdDocumentPiece] : [], report.MissingPieces);
        }
    }

    [Fact]
    public void MandataryHoldsActiveCard()
    {
        var withCard = new NamedPersonFacts(StrangerId, "Jeanne MARTIN", true, false, false);
        var without = withCard with { HasActiveCard = false };
        var head = withCard with { Id = HeadId };

        Assert.True(RequestRules.CheckStructureForm(Form(FormCode.F502, StructureHead, Who.Head, added: [withCard])).Allowed);
        var refused = RequestRules.CheckStructureForm(Form(FormCode.F502, StructureHead, Who.Head, added: [without])).Refusal;
        Assert.Equal(RequestRule.MandataryHoldsActiveCard, refused?.Rule);
        Assert.Contains("carte active", refused!.Explanation);
        Assert.False(RequestRules.MandataryHoldsActiveCard(Form(FormCode.F502, StructureHead, Who.Head), head).Allowed);
    }

    [Fact]
    public void TechnicalAdministratorHoldsActiveCard()
    {
        Assert.True(RequestRules.TechnicalAdministratorHoldsActiveCard(new NamedPersonFacts(StrangerId, "Jeanne MARTIN", true, false, false)).Allowed);
        Assert.False(RequestRules.TechnicalAdministratorHoldsActiveCard(new NamedPersonFacts(StrangerId, "Jeanne MARTIN", false, false, false)).Allowed);
    }

    [Fact]
    public void TechnicalAdministratorsNeedMembershipContract()
    {
        Assert.True(RequestRules.CheckStructureForm(Form(FormCode.F503, RequesterCapacity.Mandatary, Who.Mandatary)).Allowed);
        var refusal = RequestRules.CheckStructureForm(Form(FormCode.F503, RequesterCapacity.Mandatary, Who.Mandatary, structure: Hospital with { HasMembershipContract = false })).Refusal;
        Assert.Equal(RequestRule.TechnicalAdministratorsNeedMembershipContract, refusal?.Rule);
        // Removing an administrator needs no contract.
        var removal = Form(FormCode.F503, StructureHead, Who.Head, added: [], removed: [new NamedPersonFacts(StrangerId, "Jeanne MARTIN", true, false, true)],
            structure: Hospital with { HasMembershipContract = false });
        Assert.True(RequestRules.CheckStructureForm(removal).Allowed);
    }

    [Fact]
    public void DeclarantHoldsActiveCard()
    {
        Assert.Equal(RequestRule.DeclarantHoldsActiveCard, RequestRules.CheckStructureForm(Form(FormCode.F503, StructureHead, Who.Head, activeCard: false)).Refusal?.Rule);
        Assert.True(RequestRules.CheckStructureForm(Form(FormCode.F503, StructureHead, Who.Head, activeCard: true)).Allowed);
    }

    [Theory]
    [InlineData("3 rue Neuve", "75002", "Paris", true)]
    [InlineData("", "75002", "Paris", false)]
    [InlineData("3 rue Neuve", "7500", "Paris", false)]
    [InlineData("3 rue Neuve", "75002", " ", false)]
    public void DeliveryAddressComplete(string line1, string postalCode, string city, bool allowed)
    {
        var result = RequestRules.DeliveryAddressComplete(new Address { Line1 = line1, PostalCode = postalCode, City = city });

        Assert.Equal(allowed, result.Allowed);
        Assert.False(RequestRules.DeliveryAddressComplete(null).Allowed);
    }

    [Fact]
    public void SomethingToChange()
    {
        Assert.Equal(RequestRule.SomethingToChange, RequestRules.CheckStructureForm(Form(FormCode.F502, StructureHead, Who.Head, added: [], removed: [])).Refusal?.Rule);
        Assert.True(RequestRules.SomethingToChange(Form(FormCode.F504, StructureHead, Who.Head)).Allowed);
    }

    [Theory]
    [InlineData(Loss, false, true, true, false)]
    [InlineData(Loss, true, true, false, false)]
    [InlineData(Theft, false, true, true, false)]
    [InlineData(Malfunction, false, false, true, false)]
    [InlineData(CardNotReceived, false, true, true, false)]
    [InlineData(CodesNotReceived, false, false, false, true)]
    [InlineData(ForgottenPin, false, false, false, true)]
    [InlineData(Revocation, false, true, false, false)]
    public void Effects_of_each_kind_of_incident(IncidentKind kind, bool declined, bool opposes, bool replaces, bool letter)
    {
        Assert.Equal(opposes, RequestRules.OpposesCard(kind));
        Assert.Equal(replaces, RequestRules.OrdersReplacement(kind, declined));
        Assert.Equal(letter, RequestRules.NeedsPinLetter(kind, hasUnblockCode: false));
    }

    [Fact]
    public void Blocked_pin_guidance_with_the_unblock_code_points_to_the_online_tool_and_the_cpam_without_it_to_the_new_letter()
    {
        var with = RequestRules.BlockedPinGuidance(hasUnblockCode: true);
        Assert.Contains("outil de déblocage en ligne", with);
        Assert.Contains("CPAM", with);
        Assert.False(RequestRules.NeedsPinLetter(BlockedPin, hasUnblockCode: true));

        var without = RequestRules.BlockedPinGuidance(hasUnblockCode: false, new DateOnly(2026, 5, 4));
        Assert.Contains("nouveau pli sécurisé", without);
        Assert.Contains("04/05/2026", without);
        Assert.True(RequestRules.NeedsPinLetter(BlockedPin, hasUnblockCode: false));
    }

    [Theory]
    [InlineData(FormCode.F501)]
    [InlineData(FormCode.F502)]
    [InlineData(FormCode.F503)]
    [InlineData(FormCode.F504)]
    public void Every_structure_and_incident_form_has_a_guide_saying_who_and_how(FormCode form)
    {
        var guide = RequestRules.Guide(form);

        Assert.NotEmpty(guide.WhoMayFile);
        Assert.NotEmpty(guide.Channels);
    }

    [Fact]
    public void Every_rule_is_named_by_a_test_of_this_class()
    {
        var tests = typeof(RequestRulesTests).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToList();

        foreach (var rule in Enum.GetValues<RequestRule>())
            Assert.True(tests.Any(t => t.StartsWith(rule.ToString(), StringComparison.Ordinal)), $"No test named after the rule {rule}.");
    }
}
