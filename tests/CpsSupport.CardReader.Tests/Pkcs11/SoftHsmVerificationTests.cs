using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CpsSupport.CardReader.Tests.TestUtilities;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Features.People;
using CpsSupport.Tests.Features.CardVerification;
using CpsSupport.Tests.TestUtilities;
using Xunit.Abstractions;
using Server = CpsSupport.Features.CardVerification;

namespace CpsSupport.CardReader.Tests.Pkcs11;

/// <summary>
/// From the card to the verdict: SoftHSM2 tokens read by the module's PKCS#11 reader, the reading sent as JSON (as the
/// agent's page forwards it) to the server's verification, against a registry in PostgreSQL.
/// </summary>
[Collection(SoftHsmCollection.Name)]
public sealed class SoftHsmVerificationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SoftHsm _hsm = SoftHsm.Shared;
    private CardVerificationWorld _world = null!;
    private Person _carole = null!;
    private Card _caroleCard = null!;

    public async Task InitializeAsync()
    {
        _world = await CardVerificationWorld.CreateAsync();
        _carole = await _world.PersonAsync("Carole", "Pharmach0007512", "899700075122", "Pharmacien");
        _caroleCard = await _world.CardAsync(_carole, _hsm["valide"].Serial);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private CardVerificationService TestServer() => _world.Service(IgcSanteEnvironment.Test, [_hsm.TestCa]);

    /// <summary>What the page does: GET /card, then POST /sign with the server's challenge when the holder typed her PIN.</summary>
    private async Task<Server.CardReading> ReadAsync(string token, CardVerificationService service, string? pin = null, Func<byte[], byte[]>? tamper = null, ICardReader? reader = null)
    {
        reader ??= _hsm.Reader();
        var slot = _hsm[token].SlotId;
        var card = await reader.ReadCardAsync(slot, CancellationToken.None);
        var reading = JsonSerializer.Deserialize<Server.CardReading>(JsonSerializer.Serialize(card, Json), Json)!;
        if (pin is null) return reading;
        var challenge = await service.IssueChallengeAsync(_world.Desk);
        var signed = await reader.SignAsync(slot, Convert.FromBase64String(challenge.Challenge), Encoding.ASCII.GetBytes(pin), CancellationToken.None);
        var signature = Convert.FromBase64String(signed.Signature);
        return reading with
        {
            Token = reading.Token with { Flags = new Server.CardTokenFlags(signed.Flags.PinCountLow, signed.Flags.PinFinalTry, signed.Flags.PinLocked) },
            Challenge = new CardChallengeSignature(challenge.Id, Convert.ToBase64String(tamper?.Invoke(signature) ?? signature), signed.CertificateId),
        };
    }

    [Fact]
    public async Task Valid_card_with_the_right_pin_signs_the_server_challenge_and_is_valid_on_the_ticket()
    {
        var service = TestServer();
        var ticket = await _world.TicketAsync(_carole, _caroleCard);
        var watch = Stopwatch.StartNew();

        var verdict = await service.VerifyAsync(await ReadAsync("valide", service, SoftHsm.Pin), new CardVerificationContext(_world.Desk, TicketId: ticket));

        output.WriteLine($"read + challenge + PIN signature + verdict: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(VerdictOutcome.Valid, verdict.Outcome);
        Assert.True(verdict.PossessionProven);
        Assert.Equal(RegistryStatus.Active, verdict.RegistryStatus);
        Assert.Equal(_caroleCard.Id, verdict.RegistryCardId);
        Assert.Equal("899700075122", verdict.Identity!.NationalId);
        Assert.Contains(verdict.Reasons, r => r is { Check: VerdictCheck.Pin, Message: "Code porteur correct." });
        Assert.Single(await _world.VerificationEventsAsync(ticket));
    }

    [Fact]
    public async Task Card_opposed_in_the_registry_is_invalid()
    {
        var paul = await _world.PersonAsync("Paul", "Employe0000018", null, "Secrétaire médicale");
        var card = await _world.CardAsync(paul, _hsm["opposee"].Serial, CardStatus.Opposed, CardType.Cpe, "départ de l'établissement");

        var verdict = await TestServer().VerifyAsync(await ReadAsync("opposee", TestServer()), new CardVerificationContext(_world.Desk, CardId: card.Id));

        Assert.Equal(VerdictOutcome.Invalid, verdict.Outcome);
        Assert.Equal(RegistryStatus.Opposed, verdict.RegistryStatus);
        Assert.Contains(verdict.Failures, r => r.Check == VerdictCheck.Revocation && r.Message.StartsWith("Carte mise en opposition le ", StringComparison.Ordinal));
        Assert.Equal("3760021832/000000018", verdict.Identity!.StaffId);
    }

    [Fact]
    public async Task Expired_certificate_is_invalid()
    {
        var jean = await _world.PersonAsync("Jean", "Medecin0010001", "899700100011", "Médecin");
        await _world.CardAsync(jean, _hsm["expiree"].Serial);

        var verdict = await TestServer().VerifyAsync(await ReadAsync("expiree", TestServer()), new CardVerificationContext(_world.Desk));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal((VerdictCheck.Validity, "Certificat expiré depuis le 13/11/2026."), (failure.Check, failure.Message));
    }

    [Fact]
    public async Task Certificate_of_another_authority_is_invalid()
    {
        var verdict = await TestServer().VerifyAsync(await ReadAsync("autre-ac", TestServer()), new CardVerificationContext(_world.Desk));

        Assert.Contains(verdict.Failures, r => r is { Check: VerdictCheck.Chain } && r.Message.Contains("« TEST AC INCONNUE »", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Card_of_another_person_than_the_ticket_is_invalid()
    {
        var alice = await _world.PersonAsync("Alice", "Sagefemme0010003", "899700100037", "Sage-femme");
        await _world.CardAsync(alice, _hsm["autre-personne"].Serial);
        var ticket = await _world.TicketAsync(_carole, _caroleCard);

        var verdict = await TestServer().VerifyAsync(await ReadAsync("autre-personne", TestServer()), new CardVerificationContext(_world.Desk, TicketId: ticket));

        Assert.Equal([VerdictCheck.Person, VerdictCheck.Card], verdict.Failures.Select(r => r.Check));
        Assert.Contains("pas à Carole PHARMACH0007512 (899700075122), personne du ticket", verdict.Failures.First().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_card_against_production_settings_is_invalid()
    {
        var production = _world.Service(IgcSanteEnvironment.Production, [TestPki.Production()]);

        var verdict = await production.VerifyAsync(await ReadAsync("valide", production), new CardVerificationContext(_world.Desk, CardId: _caroleCard.Id));

        Assert.Contains(verdict.Failures, r => r is { Check: VerdictCheck.Environment, Message: "Carte de test (IGC-Santé de test) présentée au serveur de production." });
        Assert.Contains(verdict.Failures, r => r.Check == VerdictCheck.Chain);
    }

    [Fact]
    public async Task Wrong_pin_gives_no_signature_and_the_verdict_shows_tries_used()
    {
        var service = TestServer();
        var reader = _hsm.Reader();
        var slot = _hsm["code-faux"].SlotId;
        var challenge = await service.IssueChallengeAsync(_world.Desk);

        var error = await Assert.ThrowsAsync<CardReaderException>(() => reader.SignAsync(slot, Convert.FromBase64String(challenge.Challenge), "4321"u8.ToArray(), CancellationToken.None));
        var verdict = await service.VerifyAsync(await ReadAsync("code-faux", service, reader: reader), new CardVerificationContext(_world.Desk));

        Assert.Equal(CardReaderError.WrongPin, error.Error);
        Assert.Contains(verdict.Warnings, r => r is { Check: VerdictCheck.Pin, Message: "Un code porteur erroné a été saisi : il reste moins de 3 essais." });
        Assert.False(verdict.PossessionProven);
        // Leaves the token as it found it for the other tests.
        await reader.SignAsync(slot, new byte[32], Encoding.ASCII.GetBytes(SoftHsm.Pin), CancellationToken.None);
    }

    [Fact]
    public async Task Tampered_signature_is_refused()
    {
        var service = TestServer();
        var reading = await ReadAsync("valide", service, SoftHsm.Pin, tamper: signature =>
        {
            signature[^1] ^= 0x01;
            return signature;
        });

        var verdict = await service.VerifyAsync(reading, new CardVerificationContext(_world.Desk, CardId: _caroleCard.Id));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal((VerdictCheck.Signature, "Signature du défi invalide : elle n'a pas été faite par la clé du certificat lu."), (failure.Check, failure.Message));
        Assert.False(verdict.PossessionProven);
    }

    // SoftHSM2 never locks a PIN: the blocked card comes from a test double at the PKCS#11 boundary (Pkcs11Double).
    [Fact]
    public async Task Blocked_card_verdict_says_three_tries_used_test_double()
    {
        var reader = _hsm.Reader(library => Pkcs11Double.LockedPin(library, flagsSayLocked: true));

        var verdict = await TestServer().VerifyAsync(await ReadAsync("valide", TestServer(), reader: reader), new CardVerificationContext(_world.Desk, CardId: _caroleCard.Id));

        var failure = Assert.Single(verdict.Failures);
        Assert.Equal(VerdictCheck.Pin, failure.Check);
        Assert.StartsWith("Code porteur bloqué : 3 essais épuisés.", failure.Message, StringComparison.Ordinal);
    }
}
