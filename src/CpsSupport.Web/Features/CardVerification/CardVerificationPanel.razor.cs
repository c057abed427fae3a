using CpsSupport.Features.CardVerification;
using CpsSupport.Web.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CpsSupport.Web.Features.CardVerification;

/// <summary>
/// Reads the card in the workstation's reader through the browser (the module is on loopback, the server never calls
/// it), hands the reading to <see cref="CardVerificationService"/> and shows the verdict with every reason. With a
/// ticket, the verdict goes on its timeline; the PIN proof signs a server challenge without the PIN leaving the browser.
/// </summary>
public partial class CardVerificationPanel
{
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private ModuleStatus? _status;
    private CardReading? _reading;
    private Verdict? _verdict;
    private string? _error;
    private bool _busy;
    private bool _paired;
    private bool _pairingOpen;
    private string _pairingUrl = "";
    private string _pairingToken = "";
    private IReadOnlyList<SimulatedCardInfo> _simulatedCards = [];
    private string? _simulatedKey;
    private ElementReference _pinInput;

    /// <summary>The ticket whose person and cards are expected; the verdict is recorded on its timeline.</summary>
    [Parameter] public Guid? TicketId { get; set; }

    /// <summary>The registry card expected in the reader (card page).</summary>
    [Parameter] public Guid? CardId { get; set; }

    /// <summary>Raised after each verdict, e.g. for the ticket page to reload its timeline.</summary>
    [Parameter] public EventCallback<Verdict> OnVerified { get; set; }

    [Inject] private CardReaderModule Module { get; set; } = default!;
    [Inject] private CardVerificationService Verification { get; set; } = default!;

    private string ReaderText => _status switch
    {
        null => _paired ? "Lecteur : état inconnu" : "Lecteur non appairé",
        { ModuleLoaded: false } s => $"Module sans lecteur : {s.Error ?? s.Module}",
        { CardPresent: true } s => $"{s.ModuleDescription ?? s.Module} — carte {string.Join(", ", s.Slots.Where(x => x.Token is not null).Select(x => x.Token!.SerialNumber))}",
        var s => $"{s.ModuleDescription ?? s.Module} — aucune carte",
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var pairing = await Module.GetPairingAsync();
        _paired = pairing.IsPaired;
        _pairingUrl = pairing.Url;
        if (_paired) await RefreshStatusAsync();
        StateHasChanged();
    }

    private void OpenPairing() => _pairingOpen = true;

    private async Task SavePairingAsync()
    {
        await Module.SetPairingAsync(_pairingUrl, _pairingToken);
        _pairingToken = "";
        _pairingOpen = false;
        _paired = true;
        await RefreshStatusAsync();
    }

    private Task RefreshStatusAsync() => RunAsync(async () =>
    {
        _status = await Module.GetStatusAsync();
        _simulatedCards = _status.Simulated ? await Module.GetSimulatedCardsAsync() : [];
        _simulatedKey ??= _simulatedCards.FirstOrDefault(c => c.Inserted)?.Key;
    });

    private Task InsertSimulatedAsync() => RunAsync(async () =>
    {
        await Module.InsertSimulatedCardAsync(_simulatedKey!);
        _reading = null;
        _verdict = null;
        _status = await Module.GetStatusAsync();
    });

    private Task VerifyAsync() => RunAsync(async () =>
    {
        _verdict = null;
        _reading = await Module.ReadCardAsync();
        await VerifyReadingAsync(_reading);
    });

    private Task ProveAsync() => RunAsync(async () =>
    {
        var scope = await GetScopeAsync();
        var challenge = await Verification.IssueChallengeAsync(scope, Cancellation);
        ModuleSignature signature;
        try
        {
            signature = await Module.SignAsync(challenge.Challenge, _pinInput);
        }
        catch (CardReaderModuleException e) when (e.Flags is { } flags && _reading is not null)
        {
            _reading = _reading with { Token = _reading.Token with { Flags = flags } };
            throw;
        }
        _reading = await Module.ReadCardAsync() with
        {
            Challenge = new CardChallengeSignature(challenge.Id, signature.Signature, signature.CertificateId),
        };
        await VerifyReadingAsync(_reading);
    });

    private async Task VerifyReadingAsync(CardReading reading)
    {
        var scope = await GetScopeAsync();
        _verdict = await Verification.VerifyAsync(reading, new CardVerificationContext(scope, TicketId, CardId), Cancellation);
        await OnVerified.InvokeAsync(_verdict);
    }

    /// <summary>Module and verification errors are the agent's to act on: shown, in French, never hidden.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (CardReaderModuleException e)
        {
            _error = e.Message;
        }
        catch (CardVerificationException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private static string PinText(CardTokenFlags flags) => flags switch
    {
        { PinLocked: true } => "Bloqué : 3 essais épuisés",
        { PinFinalTry: true } => "Dernier essai avant blocage",
        { PinCountLow: true } => "Un essai erroné a déjà été fait",
        _ => "Aucun essai erroné signalé",
    };

    private static Severity SeverityOf(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Valid => Severity.Success,
        VerdictOutcome.ValidWithWarnings => Severity.Warning,
        _ => Severity.Error,
    };

    private static Color ColorOf(VerdictSeverity severity) => severity switch
    {
        VerdictSeverity.Ok => Color.Success,
        VerdictSeverity.Info => Color.Info,
        VerdictSeverity.Warning => Color.Warning,
        _ => Color.Error,
    };

    private static string IconOf(VerdictSeverity severity) => severity switch
    {
        VerdictSeverity.Ok => Icons.Material.Outlined.CheckCircle,
        VerdictSeverity.Info => Icons.Material.Outlined.Info,
        VerdictSeverity.Warning => Icons.Material.Outlined.Warning,
        _ => Icons.Material.Outlined.Cancel,
    };
}
