namespace CpsSupport.Features.Documents;

/// <summary>Chromium could not print a document (timeout, browser lost twice, browser missing); the message is French.</summary>
public sealed class DocumentRenderException(string message, Exception? innerException = null) : Exception(message, innerException);
