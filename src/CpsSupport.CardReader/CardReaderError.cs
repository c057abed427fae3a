namespace CpsSupport.CardReader;

public enum CardReaderError
{
    /// <summary>The PKCS#11 library is missing or is not a PKCS#11 module.</summary>
    UnknownModule,
    NoReader,
    NoCard,
    /// <summary>The card left the reader while it was being read or used.</summary>
    CardRemoved,
    UnreadableCard,
    WrongPin,
    PinLocked,
    NoKey,
    BadRequest,
    ReaderFailure,
}
