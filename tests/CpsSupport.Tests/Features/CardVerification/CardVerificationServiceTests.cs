using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.People;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.CardVerification;

/// <summary>
/// The server's verdict on readings built from certificates of test authorities (the same checks read from SoftHSM2
/// tokens are in CpsSupport.CardReader.Tests). Real PostgreSQL for the registry, the challenges and the timeline.
/// </summary>
public sealed class CardVerificationServiceTests : IAsyncLifetime
{
    private static readonly TestPki TestCa = TestPki.Test();
    private static readonly TestPki ProductionCa = TestPki.Production();
    private CardVerificationWorld _world = null!;
    private Person _carole = null!;
    private Card _card = null!;

    public async Task InitializeAsync()
    {
        _world = await CardVerificationWorld.CreateAsync();
        _carole = await _world.PersonAsync("Carole", "Pharmach0007512", "899700075122", "Pharmacien");
        _card = await _world.CardAsync(_carole, "9900001001");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 CaroleCertificate(TestPki? ca = null) =>
        (ca ?? TestCa).Issue(TestPki.Professional("899700075122", "PHARMACH0007512", "CAROLE", "Pharmacien"));

    [Fact]
    public async Task Card_of_the_ticket_person_that_signs_the_challenge_is_valid_and_the_verdict_goes_on_the_timeline()
    {
        var service = _world.Service(IgcSanteEnvironment.Test, [TestCa]);
        var ticket = await _world.TicketAsync(_carole, _card);
        var certificate = CaroleCertificate();
        var challenge = await service.IssueChallengeAsync(_world.Desk);

        var verdict = await service.VerifyAsync(
            CardVerificationWorld.Reading(certificate, "9900001001", challenge: CardVerificationWorld.Sign(certificate, challenge)),
            new CardVerificationContext(_world.Desk, TicketId: ticket));

        Assert.Equal(VerdictOutcome.Valid, verdict.Outcome);
        Assert.All(verdict.Reasons, r => Assert.True(r.Severity is VerdictSeverity.Ok or VerdictSeverity.Info, r.Message));
        Assert.True(verdict.PossessionProven);
        Assert.Equal(RegistryStatus.Active, verdict.RegistryStatus);
        Assert.Equal(_card.Id, verdict.RegistryCardId);
        Assert.Equal("899700075122", verdict.Identity!.NationalId);
        Assert.Equal(("CAROLE", "PHARMACH0007512", "Pharmacien"), (verdict.Identity.FirstName, verdict.Identity.LastName, verdict.Identity.Profession));
        Assert.True(verdict.Identity.IsTestCard);
        Assert.Contains(verdict.Reasons, r => r.Check == VerdictCheck.Person && r.Message.Contains("Carole PHARMACH0007512", StringComparison.Ordinal));
        var recorded = Assert.Single(await _world.VerificationEventsAsync(ticket));
        Assert.StartsWith("Vérification de carte : Carte valide.", recorded.Text, StringComparison.Ordinal);
        Assert.Contains("OK : Authenticité prouvée", recorded.Text, StringComparison.Ordinal);
        Assert.Equal(_card.Id, recorded.RelatedId);
        Assert.Equal("Camille Martin", recorded.Actor);
    }

    [Fact]
    public async Task Reading_without_pin_is_valid_with_a_warning_that_possession_is_not_proven()
    {
        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), "9900001001"), new CardVerificationContext(_world.Desk, CardId: _card.Id));

        Assert.Equal(VerdictOutcome.ValidWithWarnings, verdict.Outcome);
        var warning = Assert.Single(verdict.Warnings);
        Assert.Equal(VerdictCheck.Signature, warning.Check);
        Assert.Contains("Authenticité non prouvée", warning.Message, StringComparison.Ordinal);
        Assert.False(verdict.PossessionProven);
    }

    [Fact]
    public async Task Card_opposed_in_the_registry_is_revoked()
    {
        var holder = await _world.PersonAsync("Paul", "Employe", null, "Secrétaire médicale");
        var opposed = await _world.CardAsync(holder, "9900001002", CardStatus.Opposed, oppositionReason: "départ de l'établissement");
        var certificate = TestCa.Issue(TestPki.Staff("3760021832/000000018", "1760021832", "EMPLOYE", "PAUL", "Secrétaire médicale"));

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(certificate, "9900001002"), new CardVerificationContext(_world.Desk, CardId: opposed.Id));

        Assert.Equal(VerdictOutcome.Invalid, verdict.Outcome);
        Assert.Equal(RegistryStatus.Opposed, verdict.RegistryStatus);
        Assert.Contains(verdict.Failures, r => r.Check == VerdictCheck.Revocation && r.Message == "Carte mise en opposition le 21/11/2026 (départ de l'établissement) : ses certificats sont révoqués.");
        Assert.Contains(verdict.Failures, r => r.Check == VerdictCheck.Registry && r.Message.Contains("en opposition", StringComparison.Ordinal));
        Assert.Equal("3760021832/000000018", verdict.Identity!.StaffId);
        Assert.Equal("3760021832", verdict.Identity.StructureId);
        // Staff have no national id: the card's holder in the registry says whose card it is.
        Assert.Contains(verdict.Reasons, r => r.Check == VerdictCheck.Person && r.Severity == VerdictSeverity.Ok);
    }

    [Fact]
    public async Task Certificate_listed_in_the_configured_crl_is_revoked()
    {
        var certificate = CaroleCertificate();
        var crl = TestCa.Crl(TestPki.Epoch.AddDays(-1), TestPki.Epoch.AddDays(6), certificate);

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa], [crl])
            .VerifyAsync(CardVerificationWorld.Reading(certificate, "9900001001"), new CardVerificationContext(_world.Desk));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal(VerdictCheck.Revocation, failure.Check);
        Assert.Equal("Certificat révoqué le 21/11/2026 (LCR de « TEST AC IGC-SANTE FORTE PERSONNES »).", failure.Message);
    }

    [Fact]
    public async Task Certificate_absent_from_a_stale_crl_passes_with_a_warning_to_update_it()
    {
        var crl = TestCa.Crl(TestPki.Epoch.AddDays(-10), TestPki.Epoch.AddDays(-3), TestCa.Issue(TestPki.Professional("899700100011", "AUTRE", "JEAN", "Médecin")));

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa], [crl])
            .VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), "9900001001"), new CardVerificationContext(_world.Desk));

        Assert.Empty(verdict.Failures);
        Assert.Contains(verdict.Warnings, r => r.Message == "LCR de « TEST AC IGC-SANTE FORTE PERSONNES » périmée depuis le 20/11/2026 : mettez-la à jour.");
        Assert.Contains(verdict.Reasons, r => r.Check == VerdictCheck.Revocation && r.Severity == VerdictSeverity.Ok && r.Message.Contains("LCR du 13/11/2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crl_not_signed_by_the_card_authority_is_ignored()
    {
        var certificate = CaroleCertificate();
        var forger = new TestPki("TEST AC IGC-SANTE FORTE PERSONNES");
        var forged = forger.Crl(TestPki.Epoch.AddDays(-1), TestPki.Epoch.AddDays(6), certificate);

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa], [forged])
            .VerifyAsync(CardVerificationWorld.Reading(certificate, "9900001001"), new CardVerificationContext(_world.Desk));

        Assert.DoesNotContain(verdict.Failures, r => r.Check == VerdictCheck.Revocation);
        Assert.Contains(verdict.Warnings, r => r.Message.Contains("non vérifiable (signature)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-400, "Certificat expiré depuis le 19/10/2026.")]
    [InlineData(+30, "Certificat pas encore valide : il le sera le 23/12/2026.")]
    public async Task Certificate_outside_its_dates_is_invalid(int offsetDays, string message)
    {
        var at = TestPki.Epoch.AddDays(offsetDays);
        var certificate = offsetDays < 0
            ? TestCa.Issue(TestPki.Professional("899700075122", "PHARMACH0007512", "CAROLE", "Pharmacien"), at.AddYears(-1), TestPki.Epoch.AddDays(-35))
            : TestCa.Issue(TestPki.Professional("899700075122", "PHARMACH0007512", "CAROLE", "Pharmacien"), at, at.AddYears(3));

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(certificate, "9900001001"), new CardVerificationContext(_world.Desk));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal((VerdictCheck.Validity, message), (failure.Check, failure.Message));
    }

    [Fact]
    public async Task Certificate_of_another_authority_does_not_chain_to_the_configured_one()
    {
        var other = new TestPki("TEST AC INCONNUE");
        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(other), "9900001001", authority: other.Certificate), new CardVerificationContext(_world.Desk));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal(VerdictCheck.Chain, failure.Check);
        Assert.Equal("Le certificat ne remonte pas à l'autorité IGC-Santé de test configurée (émis par « TEST AC INCONNUE »).", failure.Message);
    }

    [Fact]
    public async Task Without_trust_anchors_no_card_is_valid()
    {
        var verdict = await _world.Service(IgcSanteEnvironment.Test, [])
            .VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), "9900001001"), new CardVerificationContext(_world.Desk));

        Assert.Contains(verdict.Failures, r => r.Check == VerdictCheck.Chain && r.Message.Contains("Aucune autorité de confiance configurée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Card_of_another_person_than_the_ticket_is_refused_on_person_and_card()
    {
        var alice = await _world.PersonAsync("Alice", "Sagefemme0010003", "899700100037", "Sage-femme");
        var aliceCard = await _world.CardAsync(alice, "9900001005");
        var ticket = await _world.TicketAsync(_carole, _card);

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa]).VerifyAsync(
            CardVerificationWorld.Reading(TestCa.Issue(TestPki.Professional("899700100037", "SAGEFEMME0010003", "ALICE", "Sage-femme")), aliceCard.SerialNumber),
            new CardVerificationContext(_world.Desk, TicketId: ticket));

        Assert.Equal(
            [
                (VerdictCheck.Person, "La carte appartient à ALICE SAGEFEMME0010003 (899700100037), pas à Carole PHARMACH0007512 (899700075122), personne du ticket."),
                (VerdictCheck.Card, "La carte lue (n° 9900001005) n'est pas celle du ticket (n° 9900001001)."),
            ],
            verdict.Failures.Select(r => (r.Check, r.Message)));
        Assert.Contains("Échec : La carte appartient à ALICE", Assert.Single(await _world.VerificationEventsAsync(ticket)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_holder_different_from_the_certificate_is_reported()
    {
        var alice = await _world.PersonAsync("Alice", "Sagefemme0010003", "899700100037", "Sage-femme");
        var wrongHolder = await _world.CardAsync(alice, "9900001009");

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), wrongHolder.SerialNumber), new CardVerificationContext(_world.Desk));

        Assert.Contains(verdict.Failures, r => r.Message == "Le registre attribue cette carte à Alice SAGEFEMME0010003 (899700100037), le certificat à 899700075122.");
    }

    [Theory]
    [InlineData(IgcSanteEnvironment.Production, true, "Carte de test (IGC-Santé de test) présentée au serveur de production.")]
    [InlineData(IgcSanteEnvironment.Test, false, "Carte réelle (IGC-Santé de production) présentée au serveur de test : seules les cartes de test y sont acceptées.")]
    public async Task Test_card_on_a_production_server_and_the_reverse_are_refused(IgcSanteEnvironment environment, bool testCard, string message)
    {
        // Both authorities trusted, so only the environment rule can refuse the card.
        // A serial unknown to the registry: its test card type would otherwise mark the card as a test card.
        var certificate = CaroleCertificate(testCard ? TestCa : ProductionCa);
        var verdict = await _world.Service(environment, [TestCa, ProductionCa])
            .VerifyAsync(CardVerificationWorld.Reading(certificate, "9900007777"), new CardVerificationContext(_world.Desk));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal((VerdictCheck.Environment, message), (failure.Check, failure.Message));
    }

    [Fact]
    public async Task Simulated_reading_is_refused_in_production_and_labelled_on_a_test_server()
    {
        var reading = CardVerificationWorld.Reading(CaroleCertificate(ProductionCa), "9900001001", simulated: true);
        var production = await _world.Service(IgcSanteEnvironment.Production, [ProductionCa]).VerifyAsync(reading, new CardVerificationContext(_world.Desk));
        var test = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(reading with { Certificates = CardVerificationWorld.Reading(CaroleCertificate(), "x").Certificates }, new CardVerificationContext(_world.Desk));

        Assert.Contains(production.Failures, r => r.Message == "Lecture simulée : refusée par le serveur de production.");
        Assert.Contains(test.Reasons, r => r.Severity == VerdictSeverity.Info && r.Message.StartsWith("Lecture simulée", StringComparison.Ordinal));
        Assert.EndsWith("(lecture simulée)", test.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_is_single_use()
    {
        var service = _world.Service(IgcSanteEnvironment.Test, [TestCa]);
        var certificate = CaroleCertificate();
        var signed = CardVerificationWorld.Sign(certificate, await service.IssueChallengeAsync(_world.Desk));
        var reading = CardVerificationWorld.Reading(certificate, "9900001001", challenge: signed);

        var first = await service.VerifyAsync(reading, new CardVerificationContext(_world.Desk));
        var replay = await service.VerifyAsync(reading, new CardVerificationContext(_world.Desk));

        Assert.True(first.PossessionProven);
        Assert.False(replay.PossessionProven);
        Assert.Contains(replay.Failures, r => r.Message == "Défi déjà utilisé : demandez-en un nouveau.");
    }

    [Fact]
    public async Task Challenge_signed_after_its_expiry_is_refused()
    {
        var service = _world.Service(IgcSanteEnvironment.Test, [TestCa]);
        var certificate = CaroleCertificate();
        var signed = CardVerificationWorld.Sign(certificate, await service.IssueChallengeAsync(_world.Desk));
        _world.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        var verdict = await service.VerifyAsync(CardVerificationWorld.Reading(certificate, "9900001001", challenge: signed), new CardVerificationContext(_world.Desk));

        Assert.Contains(verdict.Failures, r => r.Message == "Défi expiré (valable 2 min) : recommencez la signature.");
    }

    [Fact]
    public async Task Challenge_issued_to_another_agent_cannot_be_spent()
    {
        var certificate = CaroleCertificate();
        var other = new TestActor(Guid.NewGuid(), "Autre agent");
        var signed = CardVerificationWorld.Sign(certificate, await _world.Service(IgcSanteEnvironment.Test, [TestCa], actor: other).IssueChallengeAsync(_world.Desk));

        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(certificate, "9900001001", challenge: signed), new CardVerificationContext(_world.Desk));

        Assert.Contains(verdict.Failures, r => r.Message == "Défi émis pour un autre utilisateur.");
    }

    [Fact]
    public async Task Signature_by_another_key_than_the_certificate_is_refused()
    {
        var service = _world.Service(IgcSanteEnvironment.Test, [TestCa]);
        var challenge = await service.IssueChallengeAsync(_world.Desk);
        // A copy of Carole's public certificate, and a signature made with some other key.
        var signed = CardVerificationWorld.Sign(CaroleCertificate(), challenge);

        var verdict = await service.VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), "9900001001", challenge: signed), new CardVerificationContext(_world.Desk));

        Assert.Contains(verdict.Failures, r => r.Message == "Signature du défi invalide : elle n'a pas été faite par la clé du certificat lu.");
    }

    [Theory]
    [InlineData(true, false, false, VerdictSeverity.Warning, "Un code porteur erroné a été saisi : il reste moins de 3 essais.")]
    [InlineData(true, true, false, VerdictSeverity.Warning, "Dernier essai : un code porteur erroné de plus bloquera la carte.")]
    [InlineData(false, false, true, VerdictSeverity.Failure, "Code porteur bloqué : 3 essais épuisés. Débloquez-le avec le code de déblocage (outil en ligne ou accueil CPAM), sinon un nouveau courrier est envoyé.")]
    public async Task Pin_flags_of_the_token_are_reported(bool countLow, bool finalTry, bool locked, VerdictSeverity severity, string message)
    {
        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa]).VerifyAsync(
            CardVerificationWorld.Reading(CaroleCertificate(), "9900001001", new CardTokenFlags(countLow, finalTry, locked)), new CardVerificationContext(_world.Desk));

        var pin = Assert.Single(verdict.Reasons, r => r.Check == VerdictCheck.Pin);
        Assert.Equal((severity, message), (pin.Severity, pin.Message));
    }

    [Fact]
    public async Task Unknown_card_is_a_warning_and_not_the_card_of_the_ticket()
    {
        var ticket = await _world.TicketAsync(_carole, _card);
        var verdict = await _world.Service(IgcSanteEnvironment.Test, [TestCa])
            .VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), "9900009999"), new CardVerificationContext(_world.Desk, TicketId: ticket));

        Assert.Equal(RegistryStatus.Unknown, verdict.RegistryStatus);
        Assert.Contains(verdict.Warnings, r => r.Message == "Carte inconnue du registre (n° 9900009999).");
        Assert.Contains(verdict.Failures, r => r.Check == VerdictCheck.Card);
        // Still Carole by her national id.
        Assert.Contains(verdict.Reasons, r => r.Check == VerdictCheck.Person && r.Severity == VerdictSeverity.Ok);
    }

    [Fact]
    public async Task Portal_users_cannot_verify_cards()
    {
        var portal = new AccessScope(Guid.NewGuid(), false, false, new HashSet<Guid>());
        var service = _world.Service(IgcSanteEnvironment.Test, [TestCa]);

        await Assert.ThrowsAsync<CardVerificationException>(() => service.IssueChallengeAsync(portal));
        await Assert.ThrowsAsync<CardVerificationException>(() => service.VerifyAsync(CardVerificationWorld.Reading(CaroleCertificate(), "9900001001"), new CardVerificationContext(portal)));
    }
}
