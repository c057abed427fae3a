using CpsSupport.Features.Requests.Rules;

namespace CpsSupport.Features.Requests;

/// <summary>A request operation refused by a business rule; the message is French and shown to the user as is.</summary>
public class RequestException(string message) : InvalidOperationException(message);

/// <summary>A filing refused by one of the <see cref="RequestRules"/>: nothing was saved; <see cref="Result"/> says which rule and why.</summary>
public sealed class RequestRefusedException(RuleResult result) : RequestException(result.Explanation)
{
    public RuleResult Result { get; } = result;
}

/// <summary>The request (or the card, structure, ticket it names) does not exist or is outside the caller's scope; the two are never told apart.</summary>
public sealed class RequestNotFoundException(string message = "Demande introuvable.") : RequestException(message);

/// <summary>The request changed since the user loaded it: nothing was saved.</summary>
public sealed class RequestConflictException(string number)
    : RequestException($"La demande {number} a été modifiée par quelqu'un d'autre pendant que vous la consultiez. Rechargez-la : rien n'a été enregistré.");
