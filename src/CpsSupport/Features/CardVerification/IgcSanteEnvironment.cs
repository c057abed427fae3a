namespace CpsSupport.Features.CardVerification;

/// <summary>Which IGC-Santé the server trusts: the test authority (test cards, F414) or the production one.</summary>
public enum IgcSanteEnvironment
{
    Test,
    Production,
}
