using CpsSupport.Features.CardVerification;
using CpsSupport.Tests.TestUtilities;

namespace CpsSupport.Tests.Features.CardVerification;

public class CardSubjectTests
{
    [Fact]
    public void Health_professional_subject_gives_national_id_names_and_profession()
    {
        var subject = CardSubject.Parse(TestPki.Professional("899700075122", "PHARMACH0007512", "CAROLE", "Pharmacien"));

        Assert.Equal("899700075122", subject.NationalId!.Value);
        Assert.Equal("99700075122", subject.NationalId.Number);
        Assert.Equal(("PHARMACH0007512", "CAROLE", "Pharmacien", "FR"), (subject.LastName, subject.FirstName, subject.Title, subject.Country));
        Assert.Null(subject.StaffId);
    }

    [Fact]
    public void Adeli_national_id_is_read()
    {
        var subject = CardSubject.Parse(TestPki.Professional("0123456789", "INFIRMIER", "LUC", "Infirmier"));

        Assert.Equal(CpsSupport.Features.Identifiers.IdentifierKind.Adeli, subject.NationalId!.Kind);
        Assert.Equal("123456789", subject.NationalId.Number);
    }

    [Fact]
    public void Staff_subject_gives_structure_based_id()
    {
        var subject = CardSubject.Parse(TestPki.Staff("3760021832/000000018", "1760021832", "EMPLOYE", "PAUL", "Secrétaire médicale"));

        Assert.Null(subject.NationalId);
        Assert.Equal("3760021832/000000018", subject.StaffId);
        Assert.Equal("3760021832", subject.StructureId);
        Assert.Equal("1760021832", subject.OrganizationalUnit);
        Assert.Equal("Secrétaire médicale", subject.Title);
    }

    [Fact]
    public void National_id_with_a_wrong_check_digit_is_not_an_id()
    {
        var subject = CardSubject.Parse(TestPki.Professional("899700075123", "PHARMACH", "CAROLE", "Pharmacien"));

        Assert.Null(subject.NationalId);
        Assert.Null(subject.StaffId);
        Assert.Equal("899700075123", subject.CommonName);
    }

    [Fact]
    public void Single_valued_subject_of_dotnet_is_read_too()
    {
        var subject = CardSubject.Parse(new System.Security.Cryptography.X509Certificates.X500DistinguishedName("CN=899700026547, SN=DUPONT, G=MARIE, T=Médecin, C=FR"));

        Assert.Equal("899700026547", subject.NationalId!.Value);
        Assert.Equal(("DUPONT", "MARIE", "Médecin"), (subject.LastName, subject.FirstName, subject.Title));
    }
}
