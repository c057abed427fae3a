using CpsSupport.Features.Cards;

namespace CpsSupport.Features.Documents.Models;

/// <summary>The card a form is about: its type and serial number, never its codes.</summary>
public sealed record DocumentCard(CardType Type, string SerialNumber, DateOnly? ExpiresOn = null);
