namespace CpsSupport.Data;

/// <summary>
/// The PostgreSQL text search configuration of the application: French stemming after unaccent, so "Hélène" finds
/// "HELENE" and "perte carte" finds "j'ai perdu ma carte". Created by the Ticketing migration.
/// </summary>
public static class SearchConfiguration
{
    public const string Name = "cps_french";
}
