namespace CpsSupport.Features.Requests;

/// <summary>The missing-pieces loop: how often the requester is reminded, and when an incomplete request is closed. Business days.</summary>
public sealed class MissingPiecesOptions
{
    /// <summary>Configuration section, e.g. <c>Requests__MissingPieces__CloseAfterBusinessDays=15</c>.</summary>
    public const string Section = "Requests:MissingPieces";

    /// <summary>Business days from the pieces request (or the last reminder) to the next reminder.</summary>
    public int ReminderEveryBusinessDays { get; set; } = 5;

    /// <summary>Business days from the pieces request to the automatic closure ("Rejetée", with the reason).</summary>
    public int CloseAfterBusinessDays { get; set; } = 20;
}
