namespace CpsSupport.CardReader;

/// <summary>A reading or signing that failed for a reason the user can act on; the message is French.</summary>
public sealed class CardReaderException(CardReaderError error, string message, Exception? inner = null) : Exception(message, inner)
{
    public CardReaderError Error { get; } = error;

    /// <summary>PIN flags after a wrong PIN, so the page can say how many tries are left.</summary>
    public CardTokenFlags? Flags { get; init; }

    public int StatusCode => Error switch
    {
        CardReaderError.UnknownModule or CardReaderError.ReaderFailure => StatusCodes.Status503ServiceUnavailable,
        CardReaderError.NoReader or CardReaderError.NoCard => StatusCodes.Status404NotFound,
        CardReaderError.CardRemoved => StatusCodes.Status409Conflict,
        CardReaderError.WrongPin or CardReaderError.UnreadableCard or CardReaderError.NoKey => StatusCodes.Status422UnprocessableEntity,
        CardReaderError.PinLocked => StatusCodes.Status423Locked,
        _ => StatusCodes.Status400BadRequest,
    };

    public string Title => Error switch
    {
        CardReaderError.UnknownModule => "Module de lecture de carte introuvable",
        CardReaderError.NoReader => "Aucun lecteur de cartes",
        CardReaderError.NoCard => "Aucune carte",
        CardReaderError.CardRemoved => "Carte retirée",
        CardReaderError.UnreadableCard => "Carte illisible",
        CardReaderError.WrongPin => "Code porteur incorrect",
        CardReaderError.PinLocked => "Carte bloquée",
        CardReaderError.NoKey => "Clé d'authentification absente",
        CardReaderError.ReaderFailure => "Erreur du lecteur",
        _ => "Requête invalide",
    };
}
