using CpsSupport.Features.People;

namespace CpsSupport.Features.Demo;

/// <summary>
/// A profession or job title of the demo data, in its masculine and feminine forms. Health professions carry the
/// register that identifies them (RPPS or ADELI), their code in the profession nomenclature (used to lay out ADELI
/// numbers) and who starts their CPS: the professional order (<paramref name="Authority"/>, automatic for RPPS
/// professions) or a request to the ANS (<paramref name="RequestForm"/>: F201 for salaried auxiliaries, F202 for
/// opticians and hearing-aid specialists).
/// </summary>
internal sealed record DemoJob(
    string Masculine,
    string Feminine,
    NationalIdKind Register = NationalIdKind.None,
    int ProfessionCode = 0,
    string? Authority = null,
    string? RequestForm = null)
{
    public string For(bool female) => female ? Feminine : Masculine;

    public bool IsHealthProfession => Register != NationalIdKind.None;
}
