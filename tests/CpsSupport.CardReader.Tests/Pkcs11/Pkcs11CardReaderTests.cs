using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CpsSupport.CardReader.Pkcs11;
using CpsSupport.CardReader.Tests.TestUtilities;

namespace CpsSupport.CardReader.Tests.Pkcs11;

[Collection(SoftHsmCollection.Name)]
public class Pkcs11CardReaderTests
{
    private readonly SoftHsm _hsm = SoftHsm.Shared;

    [Fact]
    public async Task Status_lists_the_readers_and_the_cards_with_their_pin_flags()
    {
        var status = await _hsm.Reader().GetStatusAsync(CancellationToken.None);

        Assert.True(status.ModuleLoaded);
        Assert.Contains("SoftHSM", status.ModuleDescription, StringComparison.Ordinal);
        var valid = Assert.Single(status.Slots, s => s.Token?.Label == "valide");
        Assert.Equal(_hsm["valide"].Serial, valid.Token!.SerialNumber);
        Assert.Equal(new CardTokenFlags(false, false, false), valid.Token.Flags);
    }

    [Fact]
    public async Task Reading_a_card_gives_its_certificates_and_public_data_objects_without_pin()
    {
        var card = await _hsm.Reader().ReadCardAsync(_hsm["valide"].SlotId, CancellationToken.None);

        Assert.False(card.Simulated);
        Assert.Equal("valide", card.Token.Label);
        var authentication = Assert.Single(card.Certificates, c => c.Id == "01");
        Assert.Equal(_hsm["valide"].Certificate.RawData, Convert.FromBase64String(authentication.Der));
        Assert.Contains(card.Certificates, c => c.Id == "0A");
        Assert.Equal("CPS_ID_CARD", Assert.Single(card.DataObjects).Label);
    }

    [Fact]
    public async Task Right_pin_signs_the_challenge_with_the_authentication_key()
    {
        var challenge = Encoding.ASCII.GetBytes("défi de trente-deux octets......");
        var result = await _hsm.Reader().SignAsync(_hsm["valide"].SlotId, challenge, Encoding.ASCII.GetBytes(SoftHsm.Pin), CancellationToken.None);

        Assert.Equal("01", result.CertificateId);
        Assert.Equal("CKM_SHA256_RSA_PKCS", result.Mechanism);
        using var rsa = X509Certificate2.CreateFromPem(_hsm["valide"].Certificate.ExportCertificatePem()).GetRSAPublicKey()!;
        Assert.True(rsa.VerifyData(challenge, Convert.FromBase64String(result.Signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Wrong_pin_is_refused_with_the_count_low_flag_and_a_right_pin_resets_it()
    {
        var reader = _hsm.Reader();
        var slot = _hsm["code-faux"].SlotId;

        var wrong = await Assert.ThrowsAsync<CardReaderException>(() => reader.SignAsync(slot, new byte[32], "0000"u8.ToArray(), CancellationToken.None));

        Assert.Equal(CardReaderError.WrongPin, wrong.Error);
        Assert.Equal("Code porteur incorrect. Il reste moins de 3 essais.", wrong.Message);
        Assert.True(wrong.Flags!.PinCountLow);
        var right = await reader.SignAsync(slot, new byte[32], Encoding.ASCII.GetBytes(SoftHsm.Pin), CancellationToken.None);
        Assert.False(right.Flags.PinCountLow);
    }

    // SoftHSM2 never locks a PIN (wrong PINs only set CKF_USER_PIN_COUNT_LOW): the blocked card is a test double at the
    // PKCS#11 boundary, the real SoftHSM2 library seen through a decorator that answers CKR_PIN_LOCKED like a CPS card.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Blocked_card_is_reported_as_three_tries_used_test_double_since_softhsm_never_locks(bool flagsSayLocked)
    {
        var reader = _hsm.Reader(library => Pkcs11Double.LockedPin(library, flagsSayLocked));

        var error = await Assert.ThrowsAsync<CardReaderException>(() =>
            reader.SignAsync(_hsm["valide"].SlotId, new byte[32], Encoding.ASCII.GetBytes(SoftHsm.Pin), CancellationToken.None));

        Assert.Equal(CardReaderError.PinLocked, error.Error);
        Assert.Equal(423, error.StatusCode);
        Assert.StartsWith("Carte bloquée : 3 essais épuisés.", error.Message, StringComparison.Ordinal);
        var status = await reader.GetStatusAsync(CancellationToken.None);
        Assert.Equal(flagsSayLocked, status.Slots.Single(s => s.SlotId == _hsm["valide"].SlotId).Token!.Flags.PinLocked);
    }

    [Fact]
    public async Task Card_removed_during_the_read_is_a_clear_error_test_double()
    {
        var reader = _hsm.Reader(Pkcs11Double.RemovedDuringRead);

        var error = await Assert.ThrowsAsync<CardReaderException>(() => reader.ReadCardAsync(_hsm["valide"].SlotId, CancellationToken.None));

        Assert.Equal(CardReaderError.CardRemoved, error.Error);
        Assert.Equal("La carte a été retirée pendant la lecture : réinsérez-la et recommencez.", error.Message);
    }

    [Fact]
    public async Task No_reader_plugged_in_is_a_clear_error_and_an_empty_status_test_double()
    {
        var reader = _hsm.Reader(Pkcs11Double.NoReader);

        var status = await reader.GetStatusAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<CardReaderException>(() => reader.ReadCardAsync(null, CancellationToken.None));

        Assert.True(status.ModuleLoaded);
        Assert.Empty(status.Slots);
        Assert.Equal(CardReaderError.NoReader, error.Error);
        Assert.Equal("Aucun lecteur de cartes détecté : branchez le lecteur (et installez son pilote), puis recommencez.", error.Message);
    }

    [Fact]
    public async Task Missing_module_is_reported_in_the_status_and_refuses_reads()
    {
        var reader = Pkcs11CardReader.ForLibrary("/opt/santesocial/CPS/lib/absent_pkcs11.so");

        var status = await reader.GetStatusAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<CardReaderException>(() => reader.ReadCardAsync(null, CancellationToken.None));

        Assert.False(status.ModuleLoaded);
        Assert.StartsWith("Module PKCS#11 introuvable : /opt/santesocial/CPS/lib/absent_pkcs11.so.", status.Error, StringComparison.Ordinal);
        Assert.Equal(CardReaderError.UnknownModule, error.Error);
    }

    [Fact]
    public async Task File_that_is_not_a_pkcs11_module_is_an_unknown_module()
    {
        var file = Path.Combine(_hsm.Directory, "not-a-module.so");
        await File.WriteAllTextAsync(file, "pas un module");

        var error = await Assert.ThrowsAsync<CardReaderException>(() => Pkcs11CardReader.ForLibrary(file).ReadCardAsync(null, CancellationToken.None));

        Assert.Equal(CardReaderError.UnknownModule, error.Error);
        Assert.StartsWith($"Le fichier {file} n'a pas pu être chargé comme module PKCS#11", error.Message, StringComparison.Ordinal);
    }
}
