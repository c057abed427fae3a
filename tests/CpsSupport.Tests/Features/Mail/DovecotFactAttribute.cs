using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.Mail;

/// <summary>A test against a real Dovecot on loopback, skipped with the reason when Dovecot is not installed.</summary>
public sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        Skip = TestDovecot.MissingReason;
    }
}
