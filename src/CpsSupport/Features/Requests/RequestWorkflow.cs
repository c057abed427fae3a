using CpsSupport.Data;

namespace CpsSupport.Features.Requests;

/// <summary>
/// The one workflow of every form. A request is drafted, submitted, may wait for missing pieces (and comes back to
/// "Soumise" when they arrive), is validated, processed and done — or rejected, always with a reason. A request whose
/// effect is immediate (an opposition, a mandate) goes from "Validée" straight to "Traitée". Done and rejected are final:
/// the requester files a new request. Moving a request to the status it already has does nothing (a repeated click).
/// </summary>
public static class RequestWorkflow
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Draft] = [RequestStatus.Submitted],
        [RequestStatus.Submitted] = [RequestStatus.MissingPieces, RequestStatus.Validated, RequestStatus.Rejected],
        [RequestStatus.MissingPieces] = [RequestStatus.Submitted, RequestStatus.Rejected],
        [RequestStatus.Validated] = [RequestStatus.InProgress, RequestStatus.Completed, RequestStatus.Rejected],
        [RequestStatus.InProgress] = [RequestStatus.Completed, RequestStatus.Rejected],
        [RequestStatus.Completed] = [],
        [RequestStatus.Rejected] = [],
    };

    public static bool CanTransition(RequestStatus from, RequestStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<RequestStatus> NextStatuses(RequestStatus from) => Allowed[from];

    public static bool IsOpen(RequestStatus status) => status is not (RequestStatus.Completed or RequestStatus.Rejected);

    /// <exception cref="RequestException">The workflow does not allow the move; the message says why, in French.</exception>
    public static void EnsureTransition(RequestStatus from, RequestStatus to)
    {
        if (CanTransition(from, to)) return;
        throw new RequestException(from switch
        {
            RequestStatus.Completed => "Cette demande est traitée : elle ne peut plus changer de statut. Déposez une nouvelle demande si besoin.",
            RequestStatus.Rejected => "Cette demande est rejetée : elle ne peut plus changer de statut. Déposez une nouvelle demande si besoin.",
            _ => $"Une demande « {RequestLabels.Status(from)} » ne peut pas passer à « {RequestLabels.Status(to)} ».",
        });
    }

    /// <summary>
    /// Moves <paramref name="request"/> to <paramref name="to"/> and writes the step on its timeline; false (and nothing
    /// written) when it is already there. "Rejetée" needs a reason, "Pièces manquantes" the list of pieces.
    /// </summary>
    internal static bool Move(SupportRequest request, RequestStatus to, DateTimeOffset now, ICurrentActor actor,
        string? reason = null, IReadOnlyList<string>? missingPieces = null, string? text = null)
    {
        var from = request.Status;
        if (from == to) return false;
        EnsureTransition(from, to);
        var detail = text;
        switch (to)
        {
            case RequestStatus.Rejected:
                var why = reason?.Trim();
                if (string.IsNullOrEmpty(why)) throw new RequestException("Le motif du rejet est obligatoire : il est communiqué au demandeur.");
                request.RejectionReason = why;
                detail ??= why;
                break;
            case RequestStatus.MissingPieces:
                var pieces = (missingPieces ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
                if (pieces.Count == 0) throw new RequestException("Indiquez au moins une pièce manquante.");
                request.MissingPieces = pieces;
                request.PiecesRequestedAt = now;
                request.LastReminderAt = null;
                request.ReminderCount = 0;
                detail ??= string.Join(", ", pieces);
                break;
            case RequestStatus.Submitted when from == RequestStatus.MissingPieces:
                request.MissingPieces = [];
                break;
        }
        if (to is RequestStatus.Completed or RequestStatus.Rejected) request.ClosedAt = now;
        request.Status = to;
        request.Events.Add(new RequestEvent
        {
            Kind = RequestEventKind.StatusChanged, At = now, Actor = actor.Name, UserId = actor.UserId, FromStatus = from, ToStatus = to,
            Text = $"{RequestLabels.Status(from)} → {RequestLabels.Status(to)}" + (detail is { Length: > 0 } ? " : " + detail : ""),
        });
        return true;
    }
}
