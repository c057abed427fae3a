using System.Text.Json;
using CpsSupport.Features.CardVerification;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CpsSupport.Web.Features.CardVerification;

/// <summary>
/// The card-reading module on the agent's workstation, reached by the browser (wwwroot/js/cardreader.js): the server
/// never opens a connection to it, it only receives what the page read. Module URL and pairing token live in the
/// browser's localStorage. Scoped: one per circuit.
/// </summary>
public sealed class CardReaderModule(IJSRuntime js) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private IJSObjectReference? _module;

    public async Task<ModulePairing> GetPairingAsync() => await (await ModuleAsync()).InvokeAsync<ModulePairing>("getPairing");

    public async Task SetPairingAsync(string url, string token) => await (await ModuleAsync()).InvokeVoidAsync("setPairing", url.Trim(), token.Trim());

    /// <exception cref="CardReaderModuleException">Module unreachable, not paired, or an error it reports.</exception>
    public async Task<ModuleStatus> GetStatusAsync() => Read<ModuleStatus>(await CallAsync("status"));

    /// <summary>The card in the reader, as the server's verification takes it.</summary>
    /// <exception cref="CardReaderModuleException">Module unreachable, not paired, no card, card removed…</exception>
    public async Task<CardReading> ReadCardAsync() => Read<CardReading>(await CallAsync("card"));

    /// <summary>
    /// Has the card sign <paramref name="challenge"/> with the PIN typed in <paramref name="pinInput"/>: the script reads
    /// the field, empties it and sends the PIN to the module only, so it never crosses the circuit.
    /// </summary>
    public async Task<ModuleSignature> SignAsync(string challenge, ElementReference pinInput) => Read<ModuleSignature>(await CallAsync("sign", challenge, pinInput));

    public async Task<IReadOnlyList<SimulatedCardInfo>> GetSimulatedCardsAsync() => Read<List<SimulatedCardInfo>>(await CallAsync("simulationCards"));

    public async Task InsertSimulatedCardAsync(string key) => Read<JsonElement>(await CallAsync("simulationInsert", key));

    private async Task<ModuleAnswer> CallAsync(string function, params object?[] args) =>
        await (await ModuleAsync()).InvokeAsync<ModuleAnswer>(function, args);

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/cardreader.js");

    private static T Read<T>(ModuleAnswer answer)
    {
        if (answer.Ok && answer.Body is { } body)
            return body.Deserialize<T>(Json) ?? throw new CardReaderModuleException("Réponse vide du module de lecture de carte.", answer.Status, null);
        throw new CardReaderModuleException(answer.Status switch
        {
            0 => "Le module de lecture de carte ne répond pas sur ce poste. Démarrez « CpsSupport.CardReader » sur le poste où le lecteur est branché "
                 + "(en développement : dotnet run --project src/CpsSupport.CardReader), vérifiez l'adresse indiquée dans « Appairer le lecteur », puis réessayez.",
            -1 => "Le lecteur n'est pas encore appairé avec ce navigateur : cliquez sur « Appairer le lecteur » et saisissez le jeton d'appairage affiché par le module.",
            401 => "Le module a refusé le jeton d'appairage : appairez de nouveau le lecteur avec le jeton du module.",
            _ => Problem(answer),
        }, answer.Status, Flags(answer));
    }

    private static string Problem(ModuleAnswer answer)
    {
        var title = answer.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("title", out var t) ? t.GetString() : null;
        var detail = answer.Body is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("detail", out var x) ? x.GetString() : null;
        return (title, detail) switch
        {
            (not null, not null) => $"{title} : {detail}",
            (not null, null) => title,
            (null, not null) => detail,
            _ => $"Le module de lecture de carte a répondu par une erreur (HTTP {answer.Status}).",
        };
    }

    private static CardTokenFlags? Flags(ModuleAnswer answer) =>
        answer.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Object
            ? f.Deserialize<CardTokenFlags>(Json)
            : null;

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: the browser already dropped the module.
        }
    }

    private sealed record ModuleAnswer(bool Ok, int Status, JsonElement? Body);
}

/// <summary>Where this browser reaches the module, and the secret it sends (localStorage).</summary>
public sealed record ModulePairing(string Url, string Token)
{
    public bool IsPaired => !string.IsNullOrWhiteSpace(Token);
}

/// <summary>The module's <c>GET /status</c>.</summary>
public sealed record ModuleStatus(bool ModuleLoaded, string Module, string? ModuleDescription, bool Simulated, IReadOnlyList<ModuleSlot> Slots, string? Error, bool CardPresent);

public sealed record ModuleSlot(ulong SlotId, string Description, bool TokenPresent, ModuleToken? Token);

public sealed record ModuleToken(string Label, string SerialNumber, string? Model, string? Manufacturer, CardTokenFlags Flags);

/// <summary>The module's <c>POST /sign</c>: signature (base64) of the challenge, and the PIN flags after the call.</summary>
public sealed record ModuleSignature(string Signature, string Mechanism, string CertificateId, CardTokenFlags Flags);

/// <summary>A test card of the simulated reader.</summary>
public sealed record SimulatedCardInfo(string Key, string Label, string ExpectedVerdict, string SerialNumber, string RegistryHint, bool Inserted);

/// <summary>What the module (or its absence) made impossible, in French for the agent.</summary>
public sealed class CardReaderModuleException(string message, int status, CardTokenFlags? flags) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>PIN flags after a wrong PIN (tries left).</summary>
    public CardTokenFlags? Flags { get; } = flags;
}
