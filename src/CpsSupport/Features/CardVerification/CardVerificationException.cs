namespace CpsSupport.Features.CardVerification;

/// <summary>A verification that cannot be made (not allowed, ticket unknown); the message is French, for the user.</summary>
public sealed class CardVerificationException(string message) : Exception(message);
