using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace CpsSupport.CardReader.Pkcs11;

/// <summary>
/// Reads CPS cards through a PKCS#11 module (Cryptolib CPS, SoftHSM2 in tests) with Pkcs11Interop. The module is
/// loaded on first use and again after a failure, so installing Cryptolib while the service runs is enough.
/// Calls are serialized: a card handles one operation at a time.
/// </summary>
public sealed class Pkcs11CardReader : ICardReader, IDisposable
{
    // DigestInfo prefix of SHA-256 (RFC 8017 §9.2), for tokens that sign with raw CKM_RSA_PKCS only.
    private static readonly byte[] Sha256DigestInfo = Convert.FromHexString("3031300d060960864801650304020105000420");
    private readonly Func<IPkcs11Library> _load;
    private readonly bool _ownsLibrary;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPkcs11Library? _library;

    /// <param name="load">Loads (or hands over) the PKCS#11 library; tests pass a decorated one.</param>
    /// <param name="libraryPath">Shown in the status and the errors.</param>
    /// <param name="ownsLibrary">Dispose (C_Finalize) the library with the reader.</param>
    internal Pkcs11CardReader(Func<IPkcs11Library> load, string libraryPath, bool ownsLibrary)
    {
        _load = load;
        _ownsLibrary = ownsLibrary;
        LibraryPath = libraryPath;
    }

    public string LibraryPath { get; }

    /// <summary>A reader of the PKCS#11 module at <paramref name="libraryPath"/>, loaded on first use.</summary>
    public static Pkcs11CardReader ForLibrary(string libraryPath) => new(() => Load(libraryPath), libraryPath, ownsLibrary: true);

    /// <summary>Loads a PKCS#11 module for multi-threaded use.</summary>
    /// <exception cref="CardReaderException">The file is missing or is not a PKCS#11 module.</exception>
    public static IPkcs11Library Load(string libraryPath)
    {
        Pkcs11NativeLibrary.EnsureResolver();
        if (Path.IsPathRooted(libraryPath) && !File.Exists(libraryPath))
            throw new CardReaderException(CardReaderError.UnknownModule, $"Module PKCS#11 introuvable : {libraryPath}. Installez Cryptolib CPS ou corrigez CardReader:Pkcs11LibraryPath.");
        var factories = new Pkcs11InteropFactories();
        try
        {
            return factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, libraryPath, AppType.MultiThreaded);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CardReaderException(CardReaderError.UnknownModule, $"Le fichier {libraryPath} n'a pas pu être chargé comme module PKCS#11 : {e.Message}", e);
        }
    }

    public Task<ReaderStatus> GetStatusAsync(CancellationToken ct) => RunAsync(ct, () =>
    {
        IPkcs11Library library;
        try
        {
            library = Library();
        }
        catch (CardReaderException e)
        {
            return new ReaderStatus(false, LibraryPath, null, false, [], e.Message);
        }
        var info = library.GetInfo();
        var description = $"{info.ManufacturerId.Trim()} {info.LibraryDescription.Trim()} {info.LibraryVersion}".Trim();
        var slots = new List<SlotStatus>();
        try
        {
            foreach (var slot in library.GetSlotList(SlotsType.WithOrWithoutTokenPresent))
            {
                var slotInfo = slot.GetSlotInfo();
                var token = slotInfo.SlotFlags.TokenPresent ? TryTokenStatus(slot) : null;
                slots.Add(new SlotStatus(slot.SlotId, slotInfo.SlotDescription.Trim(), slotInfo.SlotFlags.TokenPresent, token));
            }
        }
        catch (Pkcs11Exception e)
        {
            // A reader unplugged while listing: the status says so, the next poll lists again.
            return new ReaderStatus(true, LibraryPath, description, false, slots, $"Liste des lecteurs impossible : {e.RV}.");
        }
        return new ReaderStatus(true, LibraryPath, description, false, slots, null);
    });

    public Task<CardReading> ReadCardAsync(ulong? slotId, CancellationToken ct) => RunAsync(ct, () => Guard(() =>
    {
        var slot = SelectSlot(slotId);
        var slotInfo = slot.GetSlotInfo();
        var tokenInfo = slot.GetTokenInfo();
        using var session = slot.OpenSession(SessionType.ReadOnly);
        var certificates = ReadCertificates(session).Select(c => new CardCertificate(c.Id, c.Label, Convert.ToBase64String(c.Der))).ToList();
        var dataObjects = new List<CardDataObject>();
        var factory = session.Factories.ObjectAttributeFactory;
        foreach (var handle in session.FindAllObjects([factory.Create(CKA.CKA_CLASS, CKO.CKO_DATA)]))
        {
            var attributes = session.GetAttributeValue(handle, [CKA.CKA_LABEL, CKA.CKA_APPLICATION, CKA.CKA_VALUE]);
            if (attributes[2].CannotBeRead) continue;
            dataObjects.Add(new CardDataObject(attributes[0].GetValueAsString() ?? "", attributes[1].CannotBeRead ? null : attributes[1].GetValueAsString(), Convert.ToBase64String(attributes[2].GetValueAsByteArray() ?? [])));
        }
        return new CardReading(Token(tokenInfo), certificates, dataObjects,
            new CardReaderSlot(slot.SlotId, slotInfo.SlotDescription.Trim(), slotInfo.ManufacturerId.Trim()), Simulated: false);
    }));

    public Task<SignResult> SignAsync(ulong? slotId, byte[] challenge, byte[] pin, CancellationToken ct) => RunAsync(ct, () => Guard(() =>
    {
        var slot = SelectSlot(slotId);
        if (slot.GetTokenInfo().TokenFlags.UserPinLocked) throw PinLocked();
        using var session = slot.OpenSession(SessionType.ReadOnly);
        var certificate = PickAuthenticationCertificate(ReadCertificates(session))
            ?? throw new CardReaderException(CardReaderError.NoKey, "Aucun certificat d'authentification sur la carte.");
        try
        {
            session.Login(CKU.CKU_USER, pin);
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_LEN_RANGE)
        {
            var flags = Flags(slot.GetTokenInfo());
            if (flags.PinLocked) throw PinLocked();
            var left = flags.PinFinalTry ? " Attention : dernier essai avant le blocage de la carte."
                : flags.PinCountLow ? " Il reste moins de 3 essais." : "";
            throw new CardReaderException(CardReaderError.WrongPin, "Code porteur incorrect." + left, e) { Flags = flags };
        }
        try
        {
            var factory = session.Factories.ObjectAttributeFactory;
            var key = session.FindAllObjects([factory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), factory.Create(CKA.CKA_ID, Convert.FromHexString(certificate.Id))]).FirstOrDefault()
                ?? throw new CardReaderException(CardReaderError.NoKey, "La clé privée du certificat d'authentification est absente de la carte.");
            var (mechanism, signature) = Sign(slot, session, key, challenge);
            return new SignResult(Convert.ToBase64String(signature), mechanism.ToString(), certificate.Id, Flags(slot.GetTokenInfo()));
        }
        finally
        {
            Logout(session);
        }
    }));

    private static (CKM Mechanism, byte[] Signature) Sign(ISlot slot, ISession session, IObjectHandle key, byte[] challenge)
    {
        var keyType = (CKK)session.GetAttributeValue(key, [CKA.CKA_KEY_TYPE])[0].GetValueAsUlong();
        var mechanisms = slot.GetMechanismList();
        var factory = session.Factories.MechanismFactory;
        var digest = SHA256.HashData(challenge);
        if (keyType == CKK.CKK_EC)
            return (CKM.CKM_ECDSA, session.Sign(factory.Create(CKM.CKM_ECDSA), key, digest));
        if (mechanisms.Contains(CKM.CKM_SHA256_RSA_PKCS))
            return (CKM.CKM_SHA256_RSA_PKCS, session.Sign(factory.Create(CKM.CKM_SHA256_RSA_PKCS), key, challenge));
        // Same signature as CKM_SHA256_RSA_PKCS: the module pads the DigestInfo we build.
        return (CKM.CKM_RSA_PKCS, session.Sign(factory.Create(CKM.CKM_RSA_PKCS), key, [.. Sha256DigestInfo, .. digest]));
    }

    private static void Logout(ISession session)
    {
        try
        {
            session.Logout();
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_USER_NOT_LOGGED_IN or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_SESSION_CLOSED)
        {
            // The session is gone with the card: nothing stays logged in.
        }
    }

    private sealed record CertificateObject(string Id, string? Label, byte[] Der);

    private static List<CertificateObject> ReadCertificates(ISession session)
    {
        var factory = session.Factories.ObjectAttributeFactory;
        var result = new List<CertificateObject>();
        foreach (var handle in session.FindAllObjects([factory.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE)]))
        {
            var attributes = session.GetAttributeValue(handle, [CKA.CKA_ID, CKA.CKA_LABEL, CKA.CKA_VALUE]);
            var der = attributes[2].GetValueAsByteArray();
            if (der is null || der.Length == 0) continue;
            result.Add(new CertificateObject(Convert.ToHexString(attributes[0].GetValueAsByteArray() ?? []), attributes[1].GetValueAsString(), der));
        }
        return result;
    }

    /// <summary>Same rule as the server: end-entity, digital signature without non-repudiation; else the first end-entity.</summary>
    private static CertificateObject? PickAuthenticationCertificate(List<CertificateObject> certificates)
    {
        var endEntities = new List<(CertificateObject Object, X509Certificate2 Certificate)>();
        foreach (var item in certificates)
        {
            X509Certificate2 certificate;
            try { certificate = X509CertificateLoader.LoadCertificate(item.Der); }
            catch (CryptographicException) { continue; }
            if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority)) continue;
            endEntities.Add((item, certificate));
        }
        return endEntities.FirstOrDefault(e => e.Certificate.Extensions.OfType<X509KeyUsageExtension>().Any(k =>
                   k.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature) && !k.KeyUsages.HasFlag(X509KeyUsageFlags.NonRepudiation))).Object
               ?? endEntities.FirstOrDefault().Object;
    }

    private ISlot SelectSlot(ulong? slotId)
    {
        var slots = Library().GetSlotList(SlotsType.WithOrWithoutTokenPresent);
        if (slots.Count == 0) throw new CardReaderException(CardReaderError.NoReader, "Aucun lecteur de cartes détecté : branchez le lecteur (et installez son pilote), puis recommencez.");
        if (slotId is { } id)
        {
            var chosen = slots.FirstOrDefault(s => s.SlotId == id) ?? throw new CardReaderException(CardReaderError.NoReader, $"Le lecteur {id} n'existe plus : il a peut-être été débranché.");
            if (!chosen.GetSlotInfo().SlotFlags.TokenPresent) throw NoCard();
            return chosen;
        }
        return slots.FirstOrDefault(s => s.GetSlotInfo().SlotFlags.TokenPresent && IsInitialized(s)) ?? throw NoCard();
    }

    private static bool IsInitialized(ISlot slot)
    {
        try
        {
            return slot.GetTokenInfo().TokenFlags.TokenInitialized;
        }
        catch (Pkcs11Exception)
        {
            return false;
        }
    }

    private static TokenStatus? TryTokenStatus(ISlot slot)
    {
        try
        {
            var info = slot.GetTokenInfo();
            return info.TokenFlags.TokenInitialized ? new TokenStatus(info.Label.Trim(), info.SerialNumber.Trim(), info.Model.Trim(), info.ManufacturerId.Trim(), Flags(info)) : null;
        }
        catch (Pkcs11Exception e) when (IsRemoval(e.RV) || e.RV == CKR.CKR_TOKEN_NOT_RECOGNIZED)
        {
            return null;
        }
    }

    private static CardToken Token(ITokenInfo info) =>
        new(info.Label.Trim(), info.SerialNumber.Trim(), Flags(info), info.Model.Trim(), info.ManufacturerId.Trim());

    private static CardTokenFlags Flags(ITokenInfo info) =>
        new(info.TokenFlags.UserPinCountLow, info.TokenFlags.UserPinFinalTry, info.TokenFlags.UserPinLocked);

    private static CardReaderException NoCard() =>
        new(CardReaderError.NoCard, "Aucune carte dans le lecteur : insérez la carte CPS (puce vers le haut), puis recommencez.");

    private static CardReaderException PinLocked() =>
        new(CardReaderError.PinLocked, "Carte bloquée : 3 essais épuisés. Débloquez-la avec le code de déblocage (outil en ligne ou accueil CPAM), sinon appelez le support pour un nouveau courrier.");

    internal static bool IsRemoval(CKR rv) =>
        rv is CKR.CKR_TOKEN_NOT_PRESENT or CKR.CKR_DEVICE_REMOVED or CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_SLOT_ID_INVALID;

    /// <summary>PKCS#11 errors as French errors the page can show; the PIN never appears in them.</summary>
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Pkcs11Exception e) when (IsRemoval(e.RV))
        {
            throw new CardReaderException(CardReaderError.CardRemoved, "La carte a été retirée pendant la lecture : réinsérez-la et recommencez.", e);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_PIN_LOCKED)
        {
            throw new CardReaderException(CardReaderError.PinLocked, PinLocked().Message, e);
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_TOKEN_NOT_RECOGNIZED or CKR.CKR_DEVICE_ERROR)
        {
            throw new CardReaderException(CardReaderError.UnreadableCard, "Carte illisible : vérifiez son sens d'insertion et que c'est bien une carte CPS.", e);
        }
        catch (Pkcs11Exception e)
        {
            throw new CardReaderException(CardReaderError.ReaderFailure, $"Le lecteur a répondu {e.RV} ({e.Method}).", e);
        }
    }

    private IPkcs11Library Library()
    {
        if (_library is not null) return _library;
        _library = _load();
        return _library;
    }

    private async Task<T> RunAsync<T>(CancellationToken ct, Func<T> action)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // PKCS#11 calls block: keep them off the request threads.
            return await Task.Run(action, CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_ownsLibrary) _library?.Dispose();
        _gate.Dispose();
    }
}
