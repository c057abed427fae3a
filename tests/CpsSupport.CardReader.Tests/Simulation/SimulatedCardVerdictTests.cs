using System.Text;
using System.Text.Json;
using CpsSupport.CardReader.Simulation;
using CpsSupport.Features.Cards;
using CpsSupport.Features.CardVerification;
using CpsSupport.Tests.Features.CardVerification;
using Server = CpsSupport.Features.CardVerification;

namespace CpsSupport.CardReader.Tests.Simulation;

/// <summary>Each simulated card, with the registry its hint describes, gets the verdict it is there to show.</summary>
public sealed class SimulatedCardVerdictTests : IAsyncLifetime
{
    private static readonly SimulatedCards Cards = new(TimeProvider.System);
    private CardVerificationWorld _world = null!;

    public async Task InitializeAsync() => _world = await CardVerificationWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("valide", null)]
    [InlineData("opposee", VerdictCheck.Revocation)]
    [InlineData("expiree", VerdictCheck.Validity)]
    [InlineData("autre-ac", VerdictCheck.Chain)]
    [InlineData("autre-personne", VerdictCheck.Person)]
    [InlineData("production", VerdictCheck.Environment)]
    [InlineData("bloquee", VerdictCheck.Pin)]
    public async Task Simulated_card_gets_its_verdict(string key, VerdictCheck? failing)
    {
        // The simulator's clock is the real one: so is the server's here.
        _world.Clock.Now = DateTimeOffset.UtcNow;
        var carole = await _world.PersonAsync("Carole", "Pharmach0007512", "899700075122", "Pharmacien");
        var caroleCard = await _world.CardAsync(carole, "9000000001");
        var paul = await _world.PersonAsync("Paul", "Employe0000018", null);
        await _world.CardAsync(paul, "9000000002", CardStatus.Opposed, CardType.Cpe);
        var alice = await _world.PersonAsync("Alice", "Sagefemme0010003", "899700100037");
        await _world.CardAsync(alice, "9000000005");
        var ticket = await _world.TicketAsync(carole, caroleCard);
        var reader = new SimulatedCardReader(Cards);
        reader.Insert(key);
        var service = _world.Service(IgcSanteEnvironment.Test, Cards.TestAuthority.ExportCertificatePem());

        var reading = JsonSerializer.Deserialize<Server.CardReading>(JsonSerializer.Serialize(await reader.ReadCardAsync(null, default), JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        if (key is "valide" or "autre-personne")
        {
            var challenge = await service.IssueChallengeAsync(_world.Desk);
            var signed = await reader.SignAsync(null, Convert.FromBase64String(challenge.Challenge), Encoding.ASCII.GetBytes(SimulatedCards.Pin), default);
            reading = reading with { Challenge = new CardChallengeSignature(challenge.Id, signed.Signature, signed.CertificateId) };
        }
        var context = key == "autre-personne" ? new CardVerificationContext(_world.Desk, TicketId: ticket) : new CardVerificationContext(_world.Desk);
        var verdict = await service.VerifyAsync(reading, context);

        Assert.True(verdict.Simulated);
        Assert.Contains(verdict.Reasons, r => r.Severity == VerdictSeverity.Info && r.Message.StartsWith("Lecture simulée", StringComparison.Ordinal));
        if (failing is null)
        {
            Assert.Equal(VerdictOutcome.Valid, verdict.Outcome);
            Assert.True(verdict.PossessionProven);
        }
        else
        {
            Assert.Contains(verdict.Failures, r => r.Check == failing);
        }
    }
}
