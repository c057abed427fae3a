namespace CpsSupport.Features.Calendar;

/// <summary>A public holiday ("jour férié") on a given date, with its French name as shown to users.</summary>
public readonly record struct PublicHoliday(DateOnly Date, string Name);
