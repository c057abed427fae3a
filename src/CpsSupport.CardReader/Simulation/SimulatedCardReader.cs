using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CpsSupport.CardReader.Simulation;

/// <summary>
/// A reader with one slot and the cards of <see cref="SimulatedCards"/>, for development and the demo. Behaves like a
/// real CPS card: PIN 1234, blocked after 3 wrong PINs in a row, the counter reset by a right one. Every reading says
/// <c>simulated</c> and every label ends with "(simulé)".
/// </summary>
public sealed class SimulatedCardReader : ICardReader
{
    public const ulong SlotId = 0;
    private const string ReaderName = "Lecteur de cartes simulé (simulé)";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _triesLeft;
    private SimulatedCard? _inserted;

    public SimulatedCardReader(SimulatedCards cards)
    {
        Cards = cards;
        _triesLeft = cards.Cards.ToDictionary(c => c.Key, c => c.StartsLocked ? 0 : 3);
        _inserted = cards.Cards[0];
    }

    public SimulatedCards Cards { get; }

    public SimulatedCard? Inserted
    {
        get { lock (_lock) return _inserted; }
    }

    /// <summary>Puts the card <paramref name="key"/> in the reader (replacing the one there).</summary>
    public SimulatedCard Insert(string key)
    {
        var card = Cards.Find(key) ?? throw new CardReaderException(CardReaderError.BadRequest,
            $"Carte simulée inconnue : {key}. Cartes : {string.Join(", ", Cards.Cards.Select(c => c.Key))}.");
        lock (_lock) _inserted = card;
        return card;
    }

    public void Remove()
    {
        lock (_lock) _inserted = null;
    }

    public Task<ReaderStatus> GetStatusAsync(CancellationToken ct)
    {
        var card = Inserted;
        var token = card is null ? null : new TokenStatus(TokenLabel(card), card.SerialNumber, "CPS3 (simulé)", Manufacturer, FlagsOf(card));
        return Task.FromResult(new ReaderStatus(true, "simulateur", "Simulateur de cartes CPS (simulé)", true,
            [new SlotStatus(SlotId, ReaderName, card is not null, token)], null));
    }

    public Task<CardReading> ReadCardAsync(ulong? slotId, CancellationToken ct)
    {
        var card = Current(slotId);
        var certificates = new List<CardCertificate>
        {
            new("01", "Certificat d'authentification CPS (simulé)", Convert.ToBase64String(card.Certificate.RawData)),
            new("0A", "Certificat de l'autorité (simulé)", Convert.ToBase64String(card.Authority.RawData)),
        };
        var dataObjects = new List<CardDataObject>
        {
            new("CPS_ID_CARD", "CPS (simulé)", Convert.ToBase64String(Encoding.ASCII.GetBytes(card.SerialNumber))),
            new("CPS_NAME_PS", "CPS (simulé)", Convert.ToBase64String(Encoding.UTF8.GetBytes(card.Label))),
        };
        return Task.FromResult(new CardReading(
            new CardToken(TokenLabel(card), card.SerialNumber, FlagsOf(card), "CPS3 (simulé)", Manufacturer),
            certificates, dataObjects, new CardReaderSlot(SlotId, ReaderName, Manufacturer), Simulated: true));
    }

    public Task<SignResult> SignAsync(ulong? slotId, byte[] challenge, byte[] pin, CancellationToken ct)
    {
        var card = Current(slotId);
        lock (_lock)
        {
            if (_triesLeft[card.Key] == 0)
                throw new CardReaderException(CardReaderError.PinLocked, "Carte bloquée : 3 essais épuisés. Débloquez-la avec le code de déblocage (outil en ligne ou accueil CPAM), sinon appelez le support pour un nouveau courrier.");
            if (!CryptographicOperations.FixedTimeEquals(pin, Encoding.ASCII.GetBytes(SimulatedCards.Pin)))
            {
                var left = --_triesLeft[card.Key];
                if (left == 0)
                    throw new CardReaderException(CardReaderError.PinLocked, "Code porteur incorrect : 3 essais épuisés, la carte est bloquée.") { Flags = FlagsOf(card) };
                throw new CardReaderException(CardReaderError.WrongPin, left == 1
                    ? "Code porteur incorrect. Attention : dernier essai avant le blocage de la carte."
                    : "Code porteur incorrect. Il reste moins de 3 essais.") { Flags = FlagsOf(card) };
            }
            _triesLeft[card.Key] = 3;
        }
        // Raw r‖s over SHA-256, as CKM_ECDSA returns it from a token.
        using var key = card.Certificate.GetECDsaPrivateKey()!;
        var signature = key.SignData(challenge, HashAlgorithmName.SHA256);
        return Task.FromResult(new SignResult(Convert.ToBase64String(signature), "CKM_ECDSA", "01", FlagsOf(card)));
    }

    private const string Manufacturer = "CpsSupport (simulé)";

    private static string TokenLabel(SimulatedCard card) => card.Label;

    private CardTokenFlags FlagsOf(SimulatedCard card)
    {
        lock (_lock)
        {
            var left = _triesLeft[card.Key];
            return new CardTokenFlags(PinCountLow: left is > 0 and < 3, PinFinalTry: left == 1, PinLocked: left == 0);
        }
    }

    private SimulatedCard Current(ulong? slotId)
    {
        if (slotId is { } id && id != SlotId) throw new CardReaderException(CardReaderError.NoReader, $"Le lecteur {id} n'existe pas (le simulateur a un seul lecteur, n° {SlotId}).");
        return Inserted ?? throw new CardReaderException(CardReaderError.NoCard, "Aucune carte dans le lecteur simulé : insérez une carte simulée.");
    }
}
