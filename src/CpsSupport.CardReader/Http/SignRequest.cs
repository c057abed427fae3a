using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace CpsSupport.CardReader.Http;

/// <summary>
/// The body of <c>POST /sign</c>: <c>{"challenge": base64, "pin": "1234", "slotId": 0}</c>, read by hand so the PIN
/// lands only in a byte array that is zeroed after the call (a bound string could not be cleared), and the request
/// buffer is zeroed too.
/// </summary>
public sealed class SignRequest : IDisposable
{
    private const int MaxBody = 8 * 1024;

    private SignRequest(byte[] challenge, byte[] pin, ulong? slotId)
    {
        Challenge = challenge;
        Pin = pin;
        SlotId = slotId;
    }

    public byte[] Challenge { get; }
    public byte[] Pin { get; }
    public ulong? SlotId { get; }

    /// <exception cref="CardReaderException">Malformed body, challenge or PIN (4 digits).</exception>
    public static async Task<SignRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBody + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBody + 1 - length), ct)) > 0)
            {
                length += read;
                if (length > MaxBody) throw Bad("Requête trop longue.");
            }
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SignRequest Parse(ReadOnlySpan<byte> body)
    {
        byte[]? challenge = null;
        byte[]? pin = null;
        ulong? slotId = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw Bad("Corps JSON attendu.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "challenge" when reader.TokenType == JsonTokenType.String:
                        challenge = reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw Bad("Le défi doit être en base64.");
                        break;
                    case "pin" when reader.TokenType == JsonTokenType.String:
                        if (pin is not null) CryptographicOperations.ZeroMemory(pin);
                        var escaped = new byte[reader.ValueSpan.Length];
                        var written = reader.CopyString(escaped);
                        pin = escaped.AsSpan(0, written).ToArray();
                        CryptographicOperations.ZeroMemory(escaped);
                        break;
                    case "slotId" when reader.TokenType == JsonTokenType.Number:
                        slotId = reader.GetUInt64();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            Clear(pin);
            throw Bad("Corps JSON invalide.");
        }
        catch (CardReaderException)
        {
            Clear(pin);
            throw;
        }

        if (challenge is null || challenge.Length is < 16 or > 512) { Clear(pin); throw Bad("Défi absent ou de taille invalide (16 à 512 octets)."); }
        if (pin is null || pin.Length != 4 || pin.Any(b => b is < (byte)'0' or > (byte)'9'))
        {
            Clear(pin);
            // A malformed code would cost the holder a try on a real card: refused before it reaches the card.
            throw Bad("Le code porteur comporte 4 chiffres.");
        }
        return new SignRequest(challenge, pin, slotId);
    }

    private static void Clear(byte[]? pin)
    {
        if (pin is not null) CryptographicOperations.ZeroMemory(pin);
    }

    private static CardReaderException Bad(string message) => new(CardReaderError.BadRequest, message);

    public void Dispose() => CryptographicOperations.ZeroMemory(Pin);
}
