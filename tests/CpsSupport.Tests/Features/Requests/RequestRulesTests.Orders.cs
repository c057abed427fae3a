using CpsSupport.Features.Cards;
using CpsSupport.Features.Orders;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using static CpsSupport.Features.Requests.RequestChannel;

namespace CpsSupport.Tests.Features.Requests;

/// <summary>The card order rules (F101, F201, F301, F414), one test per rule, named after it.</summary>
public sealed partial class RequestRulesTests
{
    private static readonly Address Delivery = new() { Line1 = "1 rue de la Santé", PostalCode = "75013", City = "Paris" };

    private static StructureFacts Of(StructureKind kind, bool contract = true) =>
        new(HospitalId, "Structure de test", kind, HeadId, new HashSet<Guid> { MandataryId }, contract);

    private static OrderLineFacts Line(string? last = "Durand", string? first = "Léa", string? id = null, string? profession = "Agent d'accueil",
        string? existing = null, int? duplicateOf = null) => new(1, last, first, id, profession, existing, duplicateOf);

    private static OrderFacts Order(FormCode form = FormCode.F301, StructureKind kind = StructureKind.HealthEstablishment, RequestChannel channel = Portal,
        RequesterCapacity capacity = RequesterCapacity.Mandatary, Who who = Who.Mandatary, IReadOnlyList<OrderLineFacts>? lines = null, Address? address = null,
        bool noAddress = false, bool activeCard = true, bool cda = true, bool contract = true, bool idDocument = true) =>
        new(form, channel, capacity, Id(who), Of(kind, contract), lines ?? [Line()], noAddress ? null : address ?? Delivery, activeCard, cda, idDocument);

    private static RuleResult Rule(OrderReport report, RequestRule rule) => Assert.Single(report.Results, r => r.Rule == rule);

    private static RuleResult LineRule(OrderReport report, RequestRule rule) => Assert.Single(Assert.Single(report.Lines).Results, r => r.Rule == rule);

    [Theory]
    [InlineData(FormCode.F101, StructureKind.LiberalPractice, false)]
    [InlineData(FormCode.F101, StructureKind.HealthEstablishment, true)]
    [InlineData(FormCode.F101, StructureKind.MedicoSocial, true)]
    [InlineData(FormCode.F101, StructureKind.HealthDomainNoCare, true)]
    [InlineData(FormCode.F101, StructureKind.Industrial, true)]
    [InlineData(FormCode.F201, StructureKind.LiberalPractice, false)]
    [InlineData(FormCode.F201, StructureKind.HealthEstablishment, true)]
    [InlineData(FormCode.F201, StructureKind.MedicoSocial, true)]
    [InlineData(FormCode.F201, StructureKind.HealthDomainNoCare, false)]
    [InlineData(FormCode.F201, StructureKind.Industrial, false)]
    [InlineData(FormCode.F301, StructureKind.LiberalPractice, false)]
    [InlineData(FormCode.F301, StructureKind.HealthEstablishment, true)]
    [InlineData(FormCode.F301, StructureKind.MedicoSocial, true)]
    [InlineData(FormCode.F301, StructureKind.HealthDomainNoCare, true)]
    [InlineData(FormCode.F301, StructureKind.Industrial, true)]
    [InlineData(FormCode.F414, StructureKind.LiberalPractice, true)]
    [InlineData(FormCode.F414, StructureKind.HealthEstablishment, true)]
    [InlineData(FormCode.F414, StructureKind.MedicoSocial, true)]
    [InlineData(FormCode.F414, StructureKind.HealthDomainNoCare, true)]
    [InlineData(FormCode.F414, StructureKind.Industrial, true)]
    public void OrderFormAllowedForStructureKind_follows_the_eligibility_matrix_of_the_webinar(FormCode form, StructureKind kind, bool allowed)
    {
        var result = RequestRules.OrderFormAllowedForStructureKind(Order(form, kind, channel: RequestChannel.Mail));

        Assert.Equal(allowed, result.Allowed);
        if (!allowed) Assert.Contains($"ne peut pas utiliser le formulaire {form}", result.Explanation);
    }

    [Fact]
    public void OrderFormAllowedForStructureKind_lets_a_liberal_practice_order_staff_cards_through_TOPS()
    {
        Assert.True(RequestRules.OrderFormAllowedForStructureKind(Order(FormCode.F301, StructureKind.LiberalPractice, Tops, RequesterCapacity.StructureHead, Who.Head)).Allowed);
        Assert.Contains("TOPS", RequestRules.OrderFormAllowedForStructureKind(Order(FormCode.F301, StructureKind.LiberalPractice, Portal)).Explanation);
    }

    [Theory]
    [InlineData(FormCode.F101, StructureKind.HealthEstablishment, CardType.Cde)]
    [InlineData(FormCode.F101, StructureKind.MedicoSocial, CardType.Cde)]
    [InlineData(FormCode.F101, StructureKind.HealthDomainNoCare, CardType.Cda)]
    [InlineData(FormCode.F101, StructureKind.Industrial, CardType.Cda)]
    [InlineData(FormCode.F301, StructureKind.HealthEstablishment, CardType.Cpe)]
    [InlineData(FormCode.F301, StructureKind.MedicoSocial, CardType.Cpe)]
    [InlineData(FormCode.F301, StructureKind.HealthDomainNoCare, CardType.Cpa)]
    [InlineData(FormCode.F301, StructureKind.Industrial, CardType.Cpa)]
    [InlineData(FormCode.F201, StructureKind.HealthEstablishment, CardType.Cps)]
    [InlineData(FormCode.F414, StructureKind.Industrial, CardType.Test)]
    public void Order_gives_the_card_of_its_form_and_structure_kind(FormCode form, StructureKind kind, CardType expected)
    {
        Assert.Equal(expected, OrderCatalog.CardTypeFor(form, kind));
        Assert.Equal(expected, RequestRules.CheckOrder(Order(form, kind)).CardType);
    }

    [Theory]
    [InlineData(RequestChannel.Mail, StructureKind.HealthEstablishment, RequesterCapacity.Mandatary, true)]
    [InlineData(Portal, StructureKind.HealthEstablishment, RequesterCapacity.Mandatary, true)]
    [InlineData(Portal, StructureKind.HealthEstablishment, RequesterCapacity.Other, false)]
    [InlineData(Tom, StructureKind.HealthEstablishment, RequesterCapacity.StructureHead, true)]
    [InlineData(Tom, StructureKind.MedicoSocial, RequesterCapacity.Mandatary, true)]
    [InlineData(Tom, StructureKind.HealthEstablishment, RequesterCapacity.Holder, false)]
    [InlineData(Tom, StructureKind.Industrial, RequesterCapacity.StructureHead, false)]
    [InlineData(Tops, StructureKind.LiberalPractice, RequesterCapacity.StructureHead, true)]
    [InlineData(Tops, StructureKind.LiberalPractice, RequesterCapacity.Mandatary, false)]
    [InlineData(Tops, StructureKind.HealthEstablishment, RequesterCapacity.StructureHead, false)]
    [InlineData(Phone, StructureKind.HealthEstablishment, RequesterCapacity.StructureHead, false)]
    public void OrderChannelAllowed_is_mail_portal_or_TOM_TOPS_where_they_apply(RequestChannel channel, StructureKind kind, RequesterCapacity capacity, bool allowed)
    {
        var result = RequestRules.OrderChannelAllowed(Order(channel: channel, kind: kind, capacity: capacity));

        Assert.Equal(allowed, result.Allowed);
    }

    [Theory]
    [InlineData(FormCode.F301, RequesterCapacity.StructureHead, Who.Head, true)]
    [InlineData(FormCode.F301, RequesterCapacity.Mandatary, Who.Mandatary, true)]
    [InlineData(FormCode.F301, RequesterCapacity.Mandatary, Who.Stranger, false)]
    [InlineData(FormCode.F201, RequesterCapacity.StructureHead, Who.Stranger, false)]
    [InlineData(FormCode.F414, RequesterCapacity.Other, Who.Stranger, true)]
    public void OrderedByLegalRepresentativeOrMandatary_except_test_cards_that_anyone_orders(FormCode form, RequesterCapacity capacity, Who who, bool allowed)
    {
        var result = RequestRules.OrderedByLegalRepresentativeOrMandatary(Order(form, capacity: capacity, who: who));

        Assert.Equal(allowed, result.Allowed);
    }

    [Theory]
    [InlineData(RequesterCapacity.StructureHead, Who.Head, 1, true)]
    [InlineData(RequesterCapacity.Mandatary, Who.Mandatary, 1, false)]
    [InlineData(RequesterCapacity.StructureHead, Who.Stranger, 1, false)]
    [InlineData(RequesterCapacity.StructureHead, Who.Head, 2, false)]
    public void LegalRepresentativeCardOnlyForTheLegalRepresentative_one_card_asked_by_them(RequesterCapacity capacity, Who who, int lines, bool allowed)
    {
        var order = Order(FormCode.F101, capacity: capacity, who: who, lines: Enumerable.Range(1, lines).Select(i => Line() with { Position = i }).ToList(), activeCard: false);

        var report = RequestRules.CheckOrder(order);

        Assert.Equal(allowed, Rule(report, RequestRule.LegalRepresentativeCardOnlyForTheLegalRepresentative).Allowed);
        // F101 gives the legal representative their first card: no active card is needed to ask for it.
        Assert.DoesNotContain(report.Results, r => r.Rule == RequestRule.RequesterHoldsActiveCard);
    }

    [Theory]
    [InlineData(FormCode.F301, true, true)]
    [InlineData(FormCode.F301, false, false)]
    [InlineData(FormCode.F201, false, false)]
    public void RequesterHoldsActiveCard_for_staff_and_auxiliary_orders(FormCode form, bool activeCard, bool allowed)
    {
        var report = RequestRules.CheckOrder(Order(form, activeCard: activeCard));

        var result = Rule(report, RequestRule.RequesterHoldsActiveCard);
        Assert.Equal(allowed, result.Allowed);
    }

    [Fact]
    public void RequesterHoldsActiveCard_is_not_asked_for_test_cards()
    {
        var report = RequestRules.CheckOrder(Order(FormCode.F414, capacity: RequesterCapacity.Other, who: Who.Stranger, activeCard: false, lines: [Line(null, null, profession: "CPS médecin")]));

        Assert.DoesNotContain(report.Results, r => r.Rule == RequestRule.RequesterHoldsActiveCard);
        Assert.True(report.Allowed, report.Refusal?.Explanation);
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    public void CpaNeedsCdaAndMembershipContract(bool cda, bool contract, bool allowed)
    {
        var report = RequestRules.CheckOrder(Order(FormCode.F301, StructureKind.HealthDomainNoCare, cda: cda, contract: contract));

        var result = Rule(report, RequestRule.CpaNeedsCdaAndMembershipContract);
        Assert.Equal(allowed, result.Allowed);
        if (!cda) Assert.Contains("CDA", result.Explanation);
        if (!contract) Assert.Contains("contrat d'adhésion", result.Explanation);
    }

    [Fact]
    public void CpaNeedsCdaAndMembershipContract_does_not_apply_to_CPE()
    {
        var report = RequestRules.CheckOrder(Order(FormCode.F301, StructureKind.HealthEstablishment, cda: false, contract: false));

        Assert.DoesNotContain(report.Results, r => r.Rule == RequestRule.CpaNeedsCdaAndMembershipContract);
    }

    [Fact]
    public void OrderHasCardLines_between_one_and_the_maximum()
    {
        Assert.False(RequestRules.OrderHasCardLines(Order(lines: [])).Allowed);
        Assert.True(RequestRules.OrderHasCardLines(Order(lines: [Line(), Line()])).Allowed);
        Assert.False(RequestRules.OrderHasCardLines(Order(lines: Enumerable.Repeat(Line(), RequestRules.MaxOrderLines + 1).ToList())).Allowed);
    }

    [Theory]
    [InlineData(FormCode.F301, "Durand", "Léa", null, "Agent d'accueil", true, null)]
    [InlineData(FormCode.F301, "", "Léa", null, "Agent d'accueil", false, "le nom")]
    [InlineData(FormCode.F301, "Durand", " ", null, "Agent d'accueil", false, "le prénom")]
    [InlineData(FormCode.F301, "Durand", "Léa", null, null, false, "la fonction")]
    [InlineData(FormCode.F201, "Durand", "Léa", null, "Orthophoniste", false, "le numéro ADELI")]
    [InlineData(FormCode.F414, null, null, null, "CPS médecin", true, null)]
    [InlineData(FormCode.F414, null, null, null, null, false, "la carte de test")]
    public void HolderDetailsComplete_identity_identifier_where_one_exists_and_job(FormCode form, string? last, string? first, string? id, string? profession, bool allowed, string? missing)
    {
        var result = RequestRules.HolderDetailsComplete(form, Line(last, first, id, profession));

        Assert.Equal(allowed, result.Allowed);
        if (missing is not null) Assert.Contains(missing, result.Explanation);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("99700026547", true)]
    [InlineData("99700026548", false)]
    [InlineData("899700026547", true)]
    [InlineData("123456789", true)]
    [InlineData("0123456789", true)]
    [InlineData("12345", false)]
    [InlineData("ABCDEFGHIJK", false)]
    public void HolderIdentifierValid_checks_the_RPPS_key_and_the_formats(string? identifier, bool allowed)
    {
        var result = RequestRules.HolderIdentifierValid(FormCode.F301, Line(id: identifier));

        Assert.Equal(allowed, result.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(result.Explanation));
    }

    [Theory]
    [InlineData("Infirmière", null, false)]
    [InlineData("Médecin", null, false)]
    [InlineData("Orthophoniste", "99700026547", false)]
    [InlineData("Orthophoniste", "123456789", true)]
    public void RppsProfessionsGetTheirCpsAutomatically_and_F201_refuses_them_with_an_explanation(string profession, string? id, bool allowed)
    {
        var report = RequestRules.CheckOrder(Order(FormCode.F201, lines: [Line(id: id ?? "123456789", profession: profession)]));

        var result = LineRule(report, RequestRule.RppsProfessionsGetTheirCpsAutomatically);
        Assert.Equal(allowed, result.Allowed);
        if (!allowed)
        {
            Assert.Contains("automatiquement", result.Explanation);
            Assert.Contains("Ligne 1", report.Refusal!.Explanation);
        }
    }

    [Theory]
    [InlineData("Orthophoniste", true)]
    [InlineData("Diététicienne", true)]
    [InlineData("Manipulatrice d'électroradiologie médicale", true)]
    [InlineData("Psychologue", false)]
    [InlineData("Secrétaire médicale", false)]
    public void CpsOrderOnlyForSalariedMedicalAuxiliaries(string profession, bool allowed)
    {
        var result = RequestRules.CpsOrderOnlyForSalariedMedicalAuxiliaries(Line(id: "123456789", profession: profession));

        Assert.Equal(allowed, result.Allowed);
    }

    [Theory]
    [InlineData("Kit d'intégration (CPS médecin, CPS infirmier, CPE opposée, CPA)", true)]
    [InlineData("cps medecin", true)]
    [InlineData("CPA", true)]
    [InlineData("CPS chirurgien", false)]
    public void TestCardFromTheOffer_kits_and_individual_cards_by_profession(string card, bool allowed)
    {
        Assert.Equal(allowed, RequestRules.TestCardFromTheOffer(Line(null, null, profession: card)).Allowed);
    }

    [Fact]
    public void NoDuplicateLineInOrder_names_the_first_line()
    {
        var result = RequestRules.NoDuplicateLineInOrder(Line(duplicateOf: 2));

        Assert.False(result.Allowed);
        Assert.Contains("ligne 2", result.Explanation);
        Assert.True(RequestRules.NoDuplicateLineInOrder(Line()).Allowed);
    }

    [Fact]
    public void NoActiveCardOfSameType_names_the_existing_card()
    {
        var result = RequestRules.NoActiveCardOfSameType(Line(existing: "2600001234"), CardType.Cpe);

        Assert.False(result.Allowed);
        Assert.Contains("2600001234", result.Explanation);
        Assert.True(RequestRules.NoActiveCardOfSameType(Line(), CardType.Cpe).Allowed);
    }

    [Fact]
    public void OrderDeliveryAddressComplete_needs_street_postal_code_and_city()
    {
        Assert.True(Rule(RequestRules.CheckOrder(Order()), RequestRule.OrderDeliveryAddressComplete).Allowed);
        Assert.False(Rule(RequestRules.CheckOrder(Order(noAddress: true)), RequestRule.OrderDeliveryAddressComplete).Allowed);
        Assert.Contains("code postal", RequestRules.OrderDeliveryAddressComplete(new Address { Line1 = "1 rue", PostalCode = "750", City = "Paris" }).Explanation);
    }

    [Fact]
    public void Order_by_mail_without_identity_document_waits_for_it()
    {
        var report = RequestRules.CheckOrder(Order(channel: RequestChannel.Mail, idDocument: false));

        Assert.True(report.Allowed);
        Assert.Equal([RequestRules.IdDocumentPiece], report.MissingPieces);
    }

    [Theory]
    [InlineData(FormCode.F101)]
    [InlineData(FormCode.F201)]
    [InlineData(FormCode.F301)]
    [InlineData(FormCode.F414)]
    public void Every_order_form_has_a_guide_saying_who_and_how(FormCode form)
    {
        var guide = RequestRules.Guide(form);

        Assert.NotEmpty(guide.WhoMayFile);
        Assert.NotEmpty(guide.Channels);
    }
}
