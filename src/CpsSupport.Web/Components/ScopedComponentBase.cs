using CpsSupport.Features.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CpsSupport.Web.Components;

/// <summary>
/// Base of the components that read the registry: gives the signed-in user's <see cref="AccessScope"/> and a token
/// cancelled when the component goes away (the user navigated on, or the circuit closed).
/// </summary>
public abstract class ScopedComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>The signed-in user; derived pages read it here (a second cascading parameter of that name would fail at render).</summary>
    [CascadingParameter] protected Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private AccessScopeService AccessScopes { get; set; } = default!;

    protected CancellationToken Cancellation => _disposed.Token;

    /// <summary>Computed at each call rather than cached, so a mandate revoked meanwhile takes effect at the next query.</summary>
    protected async Task<AccessScope> GetScopeAsync()
    {
        if (AuthenticationState is null) return AccessScope.Nobody;
        var state = await AuthenticationState;
        return await AccessScopes.ForAsync(state.User, Cancellation);
    }

    public void Dispose()
    {
        // Idempotent: a page that also implements IAsyncDisposable calls it from there.
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
