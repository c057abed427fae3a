namespace CpsSupport.Features.Documents.Models;

/// <summary>Why a card is ordered (F101, F201, F301).</summary>
public enum CardRequestReason
{
    FirstCard,
    Renewal,
    Replacement,
}
