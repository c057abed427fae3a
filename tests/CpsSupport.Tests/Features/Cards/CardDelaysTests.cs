using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;

namespace CpsSupport.Tests.Features.Cards;

/// <summary>DOMAIN: a card about 10 business days after the complete file, its codes one business day after the card.</summary>
public class CardDelaysTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    [Theory]
    // Thursday 30 April 2026: 1 May, 8 May and Ascension (14 May) push the card to Tuesday 19 May.
    [InlineData("2026-04-30", "2026-05-19", "2026-05-20")]
    // Friday 15 May 2026: Whit Monday (25 May) pushes the card to Monday 1 June.
    [InlineData("2026-05-15", "2026-06-01", "2026-06-02")]
    // Wednesday 6 May 2026: 8 May, Ascension and Whit Monday — the card on Friday 22 May, codes over the long weekend.
    [InlineData("2026-05-06", "2026-05-22", "2026-05-26")]
    // Saturday 2 May 2026: the file counts from Monday 4 May, the same as if received on Thursday 30 April.
    [InlineData("2026-05-02", "2026-05-19", "2026-05-20")]
    // No holiday: two calendar weeks.
    [InlineData("2026-03-02", "2026-03-16", "2026-03-17")]
    public void Card_comes_ten_business_days_after_the_complete_file_and_codes_one_business_day_later(
        string fileReceived, string cardExpected, string codesExpected)
    {
        var card = CardDelays.CardExpectedOn(DateOnly.Parse(fileReceived), Calendar);

        Assert.Equal(DateOnly.Parse(cardExpected), card);
        Assert.Equal(DateOnly.Parse(codesExpected), CardDelays.CodesExpectedOn(card, Calendar));
        Assert.Equal(10, Calendar.BusinessDaysBetween(DateOnly.Parse(fileReceived), card));
    }

    [Theory]
    [InlineData("2026-05-13", "2026-05-15")] // Wednesday before Ascension
    [InlineData("2026-05-22", "2026-05-26")] // Friday before Whit Monday
    [InlineData("2026-05-17", "2026-05-18")] // a request left on Sunday goes out on Monday
    public void Forgotten_pin_code_is_sent_the_next_business_day(string requested, string sent) =>
        Assert.Equal(DateOnly.Parse(sent), CardDelays.CodeResentOn(DateOnly.Parse(requested), Calendar));
}
