using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.People;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CpsSupport.Features.CardVerification;

/// <summary>
/// Proves a card read on a workstation is genuine and says whose it is: certificate chain to the configured IGC-Santé,
/// validity dates, revocation (registry oppositions, CRL files), holder identity, match with the ticket's person and
/// cards, registry status, test/production environment, PIN state and the signature of a single-use server challenge.
/// </summary>
public sealed partial class CardVerificationService(
    IDbContextFactory<CpsDbContext> dbFactory,
    TimeProvider clock,
    ICurrentActor actor,
    IOptions<CardVerificationOptions> options,
    CardTrustStore trust)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Issues 32 random bytes for the card to sign, valid <see cref="CardVerificationOptions.ChallengeLifetime"/> and
    /// spendable once, by the agent it was issued to. Challenges expired for a day are deleted on the way.
    /// </summary>
    public async Task<IssuedChallenge> IssueChallengeAsync(AccessScope scope, CancellationToken ct = default)
    {
        RequireDesk(scope);
        var now = clock.GetUtcNow();
        var challenge = new CardChallenge
        {
            Nonce = RandomNumberGenerator.GetBytes(32),
            IssuedAt = now,
            ExpiresAt = now + options.Value.ChallengeLifetime,
            IssuedToUserId = actor.UserId,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = now.AddDays(-1);
        await db.CardChallenges.Where(c => c.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        db.CardChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        return new IssuedChallenge(challenge.Id, Convert.ToBase64String(challenge.Nonce), challenge.ExpiresAt);
    }

    /// <summary>
    /// Verifies a reading and lists every reason, in French. The card is valid only when no check fails; a reading
    /// without challenge signature is at best "valid with warnings" (possession not proven). When the context names a
    /// ticket, the verdict is added to its timeline. Desk only.
    /// </summary>
    /// <exception cref="CardVerificationException">Not a desk user, or the ticket or card is not found.</exception>
    public async Task<Verdict> VerifyAsync(CardReading reading, CardVerificationContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        RequireDesk(context.Scope);
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var reasons = new List<VerdictReason>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expected = await ExpectationAsync(db, context, ct);

        var (certificate, authorities) = SelectCertificate(reading, reasons);
        var subject = certificate is null ? null : CardSubject.Parse(certificate.SubjectName);
        var registryCard = await FindRegistryCardAsync(db, context.Scope, reading, certificate, ct);
        var isTest = certificate is not null && IsTestAuthority(certificate.IssuerName) || registryCard?.Type == CardType.Test;

        CheckEnvironment(reading, certificate, isTest, settings.Environment, reasons);
        if (certificate is not null)
        {
            var issuer = CheckChain(certificate, authorities, now, settings.Environment, reasons);
            CheckValidity(certificate, now, reasons);
            CheckRevocation(certificate, issuer, registryCard, now, reasons);
            CheckSubject(subject!, reasons);
        }
        else if (registryCard?.Status == CardStatus.Opposed)
        {
            reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Failure, OppositionText(registryCard)));
        }
        var registryStatus = CheckRegistry(registryCard, subject, reading.Token.SerialNumber, reasons);
        CheckPerson(expected, subject, registryCard, reasons);
        CheckCard(expected, registryCard, reading.Token.SerialNumber, reasons);
        var proven = certificate is not null && await CheckSignatureAsync(db, reading.Challenge, certificate, now, reasons, ct);
        CheckPin(reading.Token.Flags, proven, reasons);

        reasons.Sort((a, b) => a.Check.CompareTo(b.Check));
        var outcome = reasons.Any(r => r.Severity == VerdictSeverity.Failure) ? VerdictOutcome.Invalid
            : reasons.Any(r => r.Severity == VerdictSeverity.Warning) ? VerdictOutcome.ValidWithWarnings
            : VerdictOutcome.Valid;
        var identity = certificate is null ? null : Identity(certificate, subject!, registryCard, reading.Token.SerialNumber, isTest);
        var verdict = new Verdict(outcome, reasons, identity, registryStatus, registryCard?.Id, proven, reading.Simulated, now);

        if (expected.TicketId is { } ticketId)
        {
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticketId, Kind = TicketEventKind.Verification, At = now, Actor = actor.Name,
                Text = TimelineText(verdict), RelatedId = registryCard?.Id,
            });
            await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastActivityAt, now), ct);
            await db.SaveChangesAsync(ct);
        }
        return verdict;
    }

    private sealed record Expectation(Guid? TicketId, Person? Person, IReadOnlyList<(Guid Id, string Serial)> Cards, string Source);

    private static async Task<Expectation> ExpectationAsync(CpsDbContext db, CardVerificationContext context, CancellationToken ct)
    {
        if (context.TicketId is { } ticketId)
        {
            var ticket = await db.Tickets.AsNoTracking().VisibleTo(context.Scope)
                .Where(t => t.Id == ticketId)
                .Select(t => new { t.Id, t.Person, Cards = t.Cards.Select(c => new { c.CardId, c.Card!.SerialNumber }).ToList() })
                .SingleOrDefaultAsync(ct) ?? throw new CardVerificationException("Ticket introuvable.");
            return new Expectation(ticket.Id, ticket.Person, ticket.Cards.Select(c => (c.CardId, c.SerialNumber)).ToList(), "du ticket");
        }
        if (context.CardId is { } cardId)
        {
            var card = await db.Cards.AsNoTracking().VisibleTo(context.Scope).Include(c => c.Holder)
                .SingleOrDefaultAsync(c => c.Id == cardId, ct) ?? throw new CardVerificationException("Carte introuvable.");
            return new Expectation(null, card.Holder, [(card.Id, card.SerialNumber)], "de la fiche");
        }
        return new Expectation(null, null, [], "");
    }

    /// <summary>The authentication certificate: an end-entity one for digital signature without non-repudiation.</summary>
    private static (X509Certificate2? Certificate, X509Certificate2Collection Authorities) SelectCertificate(CardReading reading, List<VerdictReason> reasons)
    {
        var endEntities = new List<X509Certificate2>();
        var authorities = new X509Certificate2Collection();
        foreach (var item in reading.Certificates)
        {
            try
            {
                var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(item.Der));
                if (IsAuthority(certificate)) authorities.Add(certificate);
                else endEntities.Add(certificate);
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                reasons.Add(new(VerdictCheck.Certificate, VerdictSeverity.Warning, $"Certificat « {item.Label ?? item.Id} » illisible, ignoré."));
            }
        }
        var chosen = endEntities.FirstOrDefault(IsAuthentication) ?? endEntities.FirstOrDefault();
        reasons.Add(chosen is null
            ? new(VerdictCheck.Certificate, VerdictSeverity.Failure, "Aucun certificat de porteur lisible sur la carte.")
            : new(VerdictCheck.Certificate, VerdictSeverity.Ok, $"Certificat d'authentification lu (n° de série {chosen.SerialNumber})."));
        return (chosen, authorities);
    }

    internal static bool IsAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    internal static bool IsAuthentication(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509KeyUsageExtension>().Any(k =>
            k.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature) && !k.KeyUsages.HasFlag(X509KeyUsageFlags.NonRepudiation));

    /// <summary>IGC-Santé test authorities say so in their names ("TEST AC IGC-SANTE …", OU=IGC-SANTE TEST).</summary>
    internal static bool IsTestAuthority(X500DistinguishedName issuer) => TestWord().IsMatch(issuer.Name);

    private static async Task<Card?> FindRegistryCardAsync(CpsDbContext db, AccessScope scope, CardReading reading, X509Certificate2? certificate, CancellationToken ct)
    {
        var candidates = new List<string>();
        if (reading.Token.SerialNumber.Trim() is { Length: > 0 } tokenSerial) candidates.Add(tokenSerial);
        if (certificate is not null)
        {
            candidates.Add(certificate.SerialNumber);
            candidates.Add(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture));
        }
        var cards = await db.Cards.AsNoTracking().VisibleTo(scope).Include(c => c.Holder)
            .Where(c => candidates.Contains(c.SerialNumber)).ToListAsync(ct);
        // The card's own serial first, the certificate's next.
        return cards.OrderBy(c => candidates.IndexOf(c.SerialNumber)).FirstOrDefault();
    }

    private static void CheckEnvironment(CardReading reading, X509Certificate2? certificate, bool isTest, IgcSanteEnvironment environment, List<VerdictReason> reasons)
    {
        if (reading.Simulated)
        {
            reasons.Add(environment == IgcSanteEnvironment.Production
                ? new(VerdictCheck.Environment, VerdictSeverity.Failure, "Lecture simulée : refusée par le serveur de production.")
                : new(VerdictCheck.Environment, VerdictSeverity.Info, "Lecture simulée : lecteur et cartes de démonstration."));
        }
        if (certificate is null) return;
        reasons.Add((environment, isTest) switch
        {
            (IgcSanteEnvironment.Production, true) => new(VerdictCheck.Environment, VerdictSeverity.Failure, "Carte de test (IGC-Santé de test) présentée au serveur de production."),
            (IgcSanteEnvironment.Test, false) => new(VerdictCheck.Environment, VerdictSeverity.Failure, "Carte réelle (IGC-Santé de production) présentée au serveur de test : seules les cartes de test y sont acceptées."),
            (IgcSanteEnvironment.Test, true) => new(VerdictCheck.Environment, VerdictSeverity.Ok, "Carte de test, serveur de test."),
            _ => new(VerdictCheck.Environment, VerdictSeverity.Ok, "Carte de production, serveur de production."),
        });
    }

    /// <returns>The issuing authority's certificate when the chain could be built, for the CRL signature.</returns>
    private X509Certificate2? CheckChain(X509Certificate2 certificate, X509Certificate2Collection authorities, DateTimeOffset now, IgcSanteEnvironment environment, List<VerdictReason> reasons)
    {
        var environmentName = environment == IgcSanteEnvironment.Test ? "de test" : "de production";
        if (trust.Anchors.Count == 0)
        {
            reasons.Add(new(VerdictCheck.Chain, VerdictSeverity.Failure, "Aucune autorité de confiance configurée (CardVerification:TrustAnchorFiles) : la chaîne ne peut pas être vérifiée."));
            return null;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust.Anchors);
        chain.ChainPolicy.ExtraStore.AddRange(trust.Intermediates);
        chain.ChainPolicy.ExtraStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        // Dates are checked apart (validity reason for the card, expired authority below), with the injected clock.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        var built = chain.Build(certificate);
        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        var statuses = chain.ChainStatus.Where(s => s.Status is not (X509ChainStatusFlags.NoError or X509ChainStatusFlags.NotTimeValid)).ToList();
        var issuerName = CardSubject.Parse(certificate.IssuerName).CommonName ?? certificate.Issuer;
        if (!built || statuses.Count > 0)
        {
            var untrusted = statuses.Any(s => s.Status is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain) || statuses.Count == 0;
            reasons.Add(new(VerdictCheck.Chain, VerdictSeverity.Failure, untrusted
                ? $"Le certificat ne remonte pas à l'autorité IGC-Santé {environmentName} configurée (émis par « {issuerName} »)."
                : $"Chaîne de certification invalide : {string.Join(" ; ", statuses.Select(s => s.StatusInformation.Trim()).Distinct())}."));
            return elements.Count > 1 ? elements[1] : null;
        }
        var expiredAuthority = elements.Skip(1).FirstOrDefault(a => now < a.NotBefore.ToUniversalTime() || now > a.NotAfter.ToUniversalTime());
        reasons.Add(expiredAuthority is not null
            ? new(VerdictCheck.Chain, VerdictSeverity.Failure, $"Autorité « {CardSubject.Parse(expiredAuthority.SubjectName).CommonName} » hors de sa période de validité.")
            : new(VerdictCheck.Chain, VerdictSeverity.Ok, $"Chaîne vérifiée jusqu'à l'autorité IGC-Santé {environmentName} « {CardSubject.Parse(elements[^1].SubjectName).CommonName} »."));
        return elements.Count > 1 ? elements[1] : null;
    }

    private static void CheckValidity(X509Certificate2 certificate, DateTimeOffset now, List<VerdictReason> reasons)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        reasons.Add(now < notBefore ? new(VerdictCheck.Validity, VerdictSeverity.Failure, $"Certificat pas encore valide : il le sera le {Date(notBefore)}.")
            : now > notAfter ? new(VerdictCheck.Validity, VerdictSeverity.Failure, $"Certificat expiré depuis le {Date(notAfter)}.")
            : new(VerdictCheck.Validity, VerdictSeverity.Ok, $"Certificat valide du {Date(notBefore)} au {Date(notAfter)}."));
    }

    private void CheckRevocation(X509Certificate2 certificate, X509Certificate2? issuer, Card? registryCard, DateTimeOffset now, List<VerdictReason> reasons)
    {
        var revoked = false;
        if (registryCard?.Status == CardStatus.Opposed)
        {
            reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Failure, OppositionText(registryCard)));
            revoked = true;
        }
        if (trust.Crls.Count == 0)
        {
            reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Info, "Aucune liste de révocation (LCR) configurée : seules les oppositions du registre sont vérifiées."));
            if (!revoked) reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Ok, "Aucune opposition au registre."));
            return;
        }
        var crls = trust.Crls.Where(c => c.Issuer.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)).ToList();
        var issuerName = CardSubject.Parse(certificate.IssuerName).CommonName ?? certificate.Issuer;
        if (crls.Count == 0) reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Warning, $"Aucune LCR configurée pour l'autorité « {issuerName} »."));
        DateTimeOffset? checkedCrl = null;
        foreach (var crl in crls)
        {
            if (issuer is null || !crl.IsSignedBy(issuer))
            {
                reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Warning, $"LCR de « {issuerName} » non vérifiable (signature), ignorée."));
                continue;
            }
            if (crl.NextUpdate is { } next && next < now)
                reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Warning, $"LCR de « {issuerName} » périmée depuis le {Date(next)} : mettez-la à jour."));
            if (crl.RevokedAt(certificate) is { } at)
            {
                reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Failure, $"Certificat révoqué le {Date(at)} (LCR de « {issuerName} »)."));
                revoked = true;
            }
            checkedCrl = crl.ThisUpdate;
        }
        if (!revoked)
            reasons.Add(new(VerdictCheck.Revocation, VerdictSeverity.Ok, checkedCrl is { } day
                ? $"Non révoqué : aucune opposition au registre, absent de la LCR du {Date(day)}."
                : "Aucune opposition au registre."));
    }

    private static void CheckSubject(CardSubject subject, List<VerdictReason> reasons)
    {
        var name = Name(subject.FirstName, subject.LastName);
        var profession = subject.Title is { Length: > 0 } t ? $", {t}" : "";
        if (subject.NationalId is { } id)
        {
            var kind = id.Kind == IdentifierKind.Rpps ? "RPPS" : "ADELI";
            reasons.Add(new(VerdictCheck.Subject, VerdictSeverity.Ok, $"Titulaire : {name}{profession}, identifiant national {id.Value} ({kind} {id.Number})."));
        }
        else if (subject.StaffId is { } staff)
        {
            reasons.Add(new(VerdictCheck.Subject, VerdictSeverity.Ok, $"Titulaire : {name}{profession}, personnel de structure {staff}."));
        }
        else
        {
            var error = subject.CommonName is { Length: > 0 } cn && (cn[0] is '8' or '0') && IdentifierValidator.CheckNationalId(cn).Check.Error is { } e ? $" : {e}" : ".";
            reasons.Add(new(VerdictCheck.Subject, VerdictSeverity.Failure, $"Identifiant du titulaire illisible dans le certificat (CN={subject.CommonName}){error}"));
        }
    }

    private static RegistryStatus CheckRegistry(Card? card, CardSubject? subject, string tokenSerial, List<VerdictReason> reasons)
    {
        if (card is null)
        {
            reasons.Add(new(VerdictCheck.Registry, VerdictSeverity.Warning, $"Carte inconnue du registre (n° {tokenSerial.Trim()})."));
            return RegistryStatus.Unknown;
        }
        var label = $"Carte {CardTypeLabel(card.Type)} n° {card.SerialNumber}";
        var (status, reason) = card.Status switch
        {
            CardStatus.Active or CardStatus.CodesSent or CardStatus.Shipped => (RegistryStatus.Active, new VerdictReason(VerdictCheck.Registry, VerdictSeverity.Ok, $"{label} active au registre.")),
            CardStatus.Opposed => (RegistryStatus.Opposed, new(VerdictCheck.Registry, VerdictSeverity.Failure, $"{label} en opposition au registre.")),
            CardStatus.Expired => (RegistryStatus.Expired, new(VerdictCheck.Registry, VerdictSeverity.Failure, $"{label} expirée au registre.")),
            CardStatus.Returned => (RegistryStatus.Other, new(VerdictCheck.Registry, VerdictSeverity.Failure, $"{label} restituée : elle ne devrait plus servir.")),
            CardStatus.Blocked => (RegistryStatus.Other, new(VerdictCheck.Registry, VerdictSeverity.Warning, $"{label} bloquée au registre.")),
            _ => (RegistryStatus.Other, new(VerdictCheck.Registry, VerdictSeverity.Warning, $"{label} pas encore remise au titulaire au registre.")),
        };
        reasons.Add(reason);
        if (subject?.NationalId is { } id && card.Holder?.NationalId is { } holderId && holderId != id.Value)
            reasons.Add(new(VerdictCheck.Registry, VerdictSeverity.Failure, $"Le registre attribue cette carte à {card.Holder.FullName} ({holderId}), le certificat à {id.Value}."));
        return status;
    }

    private static void CheckPerson(Expectation expected, CardSubject? subject, Card? registryCard, List<VerdictReason> reasons)
    {
        if (expected.Source.Length == 0) return;
        if (expected.Person is not { } person)
        {
            reasons.Add(new(VerdictCheck.Person, VerdictSeverity.Info, $"Aucune personne {expected.Source} : le titulaire n'est pas comparé."));
            return;
        }
        var readId = subject?.NationalId?.Value ?? subject?.StaffId;
        var read = subject is null ? "le titulaire lu" : Name(subject.FirstName, subject.LastName) + (readId is null ? "" : $" ({readId})");
        var wanted = $"{person.FullName}{(person.NationalId is { } n ? $" ({n})" : "")}";
        bool? same = subject?.NationalId is { } id && person.NationalId is { } personId ? id.Value == personId
            : registryCard is not null ? registryCard.HolderId == person.Id
            : null;
        if (same is null && subject is not null && SameName(subject, person))
        {
            reasons.Add(new(VerdictCheck.Person, VerdictSeverity.Warning, $"Même nom que {wanted}, personne {expected.Source}, mais aucun identifiant ne le confirme."));
            return;
        }
        reasons.Add(same == true
            ? new(VerdictCheck.Person, VerdictSeverity.Ok, $"La carte est celle de {wanted}, personne {expected.Source}.")
            : new(VerdictCheck.Person, VerdictSeverity.Failure, $"La carte appartient à {read}, pas à {wanted}, personne {expected.Source}."));
    }

    private static void CheckCard(Expectation expected, Card? registryCard, string tokenSerial, List<VerdictReason> reasons)
    {
        if (expected.Source.Length == 0) return;
        if (expected.Cards.Count == 0)
        {
            reasons.Add(new(VerdictCheck.Card, VerdictSeverity.Info, "Aucune carte liée au ticket : la carte lue n'est pas comparée."));
            return;
        }
        var serials = string.Join(", ", expected.Cards.Select(c => c.Serial));
        var read = registryCard?.SerialNumber ?? tokenSerial.Trim();
        reasons.Add(registryCard is not null && expected.Cards.Any(c => c.Id == registryCard.Id)
            ? new(VerdictCheck.Card, VerdictSeverity.Ok, $"Carte n° {read}, celle {expected.Source}.")
            : new(VerdictCheck.Card, VerdictSeverity.Failure, $"La carte lue (n° {read}) n'est pas celle {expected.Source} (n° {serials})."));
    }

    private async Task<bool> CheckSignatureAsync(CpsDbContext db, CardChallengeSignature? response, X509Certificate2 certificate, DateTimeOffset now, List<VerdictReason> reasons, CancellationToken ct)
    {
        if (response is null)
        {
            reasons.Add(new(VerdictCheck.Signature, VerdictSeverity.Warning, "Authenticité non prouvée : la carte n'a pas signé de défi (code porteur non saisi)."));
            return false;
        }
        var challenge = await db.CardChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == response.ChallengeId, ct);
        string? refusal = challenge is null ? "Défi inconnu du serveur."
            : challenge.IssuedToUserId != actor.UserId ? "Défi émis pour un autre utilisateur."
            : null;
        if (refusal is null)
        {
            // Spent whatever follows: a single conditional update, so two verifications cannot both use it.
            var spent = await db.CardChallenges.Where(c => c.Id == response.ChallengeId && c.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
            refusal = spent == 0 ? "Défi déjà utilisé : demandez-en un nouveau."
                : now > challenge!.ExpiresAt ? $"Défi expiré (valable {options.Value.ChallengeLifetime.TotalMinutes:0} min) : recommencez la signature."
                : null;
        }
        if (refusal is not null)
        {
            reasons.Add(new(VerdictCheck.Signature, VerdictSeverity.Failure, refusal));
            return false;
        }
        var valid = VerifySignature(certificate, challenge!.Nonce, response.Signature);
        reasons.Add(valid
            ? new(VerdictCheck.Signature, VerdictSeverity.Ok, "Authenticité prouvée : la carte a signé le défi du serveur avec la clé de son certificat.")
            : new(VerdictCheck.Signature, VerdictSeverity.Failure, "Signature du défi invalide : elle n'a pas été faite par la clé du certificat lu."));
        return valid;
    }

    /// <summary>RSA PKCS#1 v1.5 or ECDSA (raw r‖s as PKCS#11 returns it) over SHA-256 of the challenge.</summary>
    internal static bool VerifySignature(X509Certificate2 certificate, byte[] challenge, string signatureBase64)
    {
        byte[] signature;
        try { signature = Convert.FromBase64String(signatureBase64); }
        catch (FormatException) { return false; }
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null) return rsa.VerifyData(challenge, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var ec = certificate.GetECDsaPublicKey();
        return ec is not null && ec.VerifyData(challenge, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static void CheckPin(CardTokenFlags flags, bool proven, List<VerdictReason> reasons) =>
        reasons.Add(flags switch
        {
            { PinLocked: true } => new(VerdictCheck.Pin, VerdictSeverity.Failure, "Code porteur bloqué : 3 essais épuisés. Débloquez-le avec le code de déblocage (outil en ligne ou accueil CPAM), sinon un nouveau courrier est envoyé."),
            { PinFinalTry: true } => new(VerdictCheck.Pin, VerdictSeverity.Warning, "Dernier essai : un code porteur erroné de plus bloquera la carte."),
            { PinCountLow: true } => new(VerdictCheck.Pin, VerdictSeverity.Warning, "Un code porteur erroné a été saisi : il reste moins de 3 essais."),
            _ when proven => new(VerdictCheck.Pin, VerdictSeverity.Ok, "Code porteur correct."),
            _ => new(VerdictCheck.Pin, VerdictSeverity.Ok, "Code porteur non bloqué : 3 essais disponibles."),
        });

    private static CardIdentity Identity(X509Certificate2 certificate, CardSubject subject, Card? registryCard, string tokenSerial, bool isTest) => new(
        subject.NationalId?.Value, subject.StaffId, subject.StructureId, subject.LastName, subject.FirstName, subject.Title,
        registryCard?.Type, registryCard?.SerialNumber ?? tokenSerial.Trim(), certificate.SerialNumber, certificate.Subject, certificate.Issuer,
        new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), isTest);

    internal static string TimelineText(Verdict verdict)
    {
        var text = new StringBuilder("Vérification de carte : ").Append(verdict.Summary).Append('.');
        if (verdict.Identity is { } id)
            text.Append(" Carte n° ").Append(id.CardSerial).Append(", ").Append(Name(id.FirstName, id.LastName))
                .Append(id.NationalId is { } n ? $" ({n})" : id.StaffId is { } s ? $" ({s})" : "").Append('.');
        foreach (var reason in verdict.Reasons)
        {
            var mark = reason.Severity switch
            {
                VerdictSeverity.Ok => "OK",
                VerdictSeverity.Info => "Info",
                VerdictSeverity.Warning => "Attention",
                _ => "Échec",
            };
            text.Append('\n').Append(mark).Append(" : ").Append(reason.Message);
        }
        return text.Length <= 2000 ? text.ToString() : text.ToString(0, 1999) + "…";
    }

    private static string OppositionText(Card card)
    {
        var when = card.OpposedAt is { } at ? $" le {Date(at)}" : "";
        var why = card.OppositionReason is { Length: > 0 } r ? $" ({r})" : "";
        return $"Carte mise en opposition{when}{why} : ses certificats sont révoqués.";
    }

    private static bool SameName(CardSubject subject, Person person) =>
        Fold(subject.LastName) == Fold(person.LastName) && Fold(subject.FirstName) == Fold(person.FirstName) && Fold(person.LastName).Length > 0;

    /// <summary>Upper case without accents, spaces or hyphens: "Hélène-Marie" and "HELENE MARIE" compare equal.</summary>
    private static string Fold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).ToUpperInvariant();
    }

    private static string Name(string? first, string? last) =>
        string.Join(' ', new[] { first, last?.ToUpperInvariant() }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : "titulaire sans nom";

    private static string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string CardTypeLabel(CardType type) => type == CardType.Test ? "de test" : type.ToString().ToUpperInvariant();

    private static void RequireDesk(AccessScope scope)
    {
        if (!scope.IsDesk) throw new CardVerificationException("La vérification de carte est réservée au support.");
    }

    [GeneratedRegex(@"\bTEST\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TestWord();
}
