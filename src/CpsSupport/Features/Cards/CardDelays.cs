using CpsSupport.Features.Calendar;

namespace CpsSupport.Features.Cards;

/// <summary>The delays ANS announces to card holders (seeds/001, ANS FAQ), as dates the desk can promise.</summary>
public static class CardDelays
{
    /// <summary>"Le délai d'obtention d'une carte est estimé à 10 jours ouvrés à partir de la date de réception de votre dossier de demande complet."</summary>
    public const int CardBusinessDays = 10;

    /// <summary>The codes follow the card "un jour après"; secure mail only leaves on business days, hence one business day.</summary>
    public const int CodesAfterCardBusinessDays = 1;

    /// <summary>The day a new card is expected: 10 business days after the complete file was received, that day not counted.</summary>
    public static DateOnly CardExpectedOn(DateOnly completeFileReceivedOn, BusinessCalendar calendar) =>
        calendar.AddBusinessDays(completeFileReceivedOn, CardBusinessDays);

    /// <summary>The day the PIN and unblock code letter is expected: one business day after the card.</summary>
    public static DateOnly CodesExpectedOn(DateOnly cardExpectedOn, BusinessCalendar calendar) =>
        calendar.AddBusinessDays(cardExpectedOn, CodesAfterCardBusinessDays);

    /// <summary>Forgotten PIN or lost letter: the code is sent by secure mail "le lendemain ouvré" of the request.</summary>
    public static DateOnly CodeResentOn(DateOnly requestedOn, BusinessCalendar calendar) =>
        calendar.NextBusinessDay(requestedOn);
}
