using System.Globalization;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Incidents;
using CpsSupport.Features.Orders;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Requests.Rules;

/// <summary>
/// The rules of the forms F501–F504, in one place: who may file which form, through which channel, on which card,
/// and which pieces are needed. Every rule answers with a French explanation, allowed or not. Sources: seeds/001 (ANS
/// support page: loss, theft, PIN, opposition, delays), seeds/004 (webinar of 13/09/2022: forms, TOM/TOPS, F413),
/// DOMAIN.md. Pure functions: the services feed them the registry as it is inside their transaction.
/// </summary>
public static class RequestRules
{
    /// <summary>Card statuses of a card in the holder's hands or on its way to them.</summary>
    private static readonly CardStatus[] Circulating = [CardStatus.Shipped, CardStatus.CodesSent, CardStatus.Active, CardStatus.Blocked];

    /// <summary>Statuses in which the PIN letter has gone out.</summary>
    private static readonly CardStatus[] CodesOut = [CardStatus.CodesSent, CardStatus.Active, CardStatus.Blocked];

    public const string IdDocumentPiece = "Copie d'une pièce d'identité en cours de validité du déclarant";
    public const string AuthorityLetterPiece = "Courrier signé de l'autorité demandant la mise en opposition";

    /// <summary>Judges an F501 declaration: every rule that applies, then the missing pieces.</summary>
    public static RuleReport CheckIncident(IncidentFacts f)
    {
        var results = new List<RuleResult>
        {
            IncidentDeclarant(f),
            AuthorityAsksOnlyForOpposition(f),
            IncidentChannel(f),
            CardStatusAllowsIncident(f),
        };
        if (f.Kind == IncidentKind.CardNotReceived) results.Add(CardNotReceivedOnlyAfterExpectedDate(f));
        if (f.Kind == IncidentKind.CodesNotReceived) results.Add(CodesNotReceivedOnlyAfterExpectedDate(f));
        if (f.Kind == IncidentKind.Revocation) results.Add(RppsOppositionOnlyAfterRadiation(f));
        if (f.DeclineReplacement) results.Add(ReplacementDeclinedOnlyForLossOrTheft(f));
        if (NeedsPinLetter(f.Kind, f.HasUnblockCode))
        {
            results.Add(TestCardPinIsNotResent(f));
            results.Add(PinLetterNeedsCorrespondenceAddress(f));
        }
        var pieces = new List<string>();
        if (f.Channel == RequestChannel.Mail && !f.HasIdDocument)
            pieces.Add(f.Capacity == RequesterCapacity.Authority ? AuthorityLetterPiece : IdDocumentPiece);
        return new RuleReport(results, pieces);
    }

    /// <summary>Judges an F502, F503 or F504 filing: every rule that applies, then the missing pieces.</summary>
    public static RuleReport CheckStructureForm(StructureFormFacts f)
    {
        var results = new List<RuleResult>
        {
            f.Form == FormCode.F502 ? MandatariesByLegalRepresentativeOnly(f) : LegalRepresentativeOrMandatary(f),
            StructureFormsByMailOrPortal(f),
            SomethingToChange(f),
        };
        switch (f.Form)
        {
            case FormCode.F502:
                results.AddRange((f.Added ?? []).Select(p => MandataryHoldsActiveCard(f, p)));
                break;
            case FormCode.F503:
                results.Add(DeclarantHoldsActiveCard(f));
                if (f.Added is { Count: > 0 }) results.Add(TechnicalAdministratorsNeedMembershipContract(f));
                results.AddRange((f.Added ?? []).Select(TechnicalAdministratorHoldsActiveCard));
                break;
            case FormCode.F504:
                results.Add(DeliveryAddressComplete(f.NewAddress));
                break;
        }
        var pieces = new List<string>();
        if (f.Channel == RequestChannel.Mail && !f.HasIdDocument) pieces.Add(IdDocumentPiece);
        return new RuleReport(results, pieces);
    }

    /// <summary>F501 may be filed by the holder for their card, the structure head or a mandatary for the structure's cards, or an authority.</summary>
    public static RuleResult IncidentDeclarant(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.IncidentDeclarant;
        var card = f.Card;
        switch (f.Capacity)
        {
            case RequesterCapacity.Holder:
                return f.DeclarantPersonId == card.HolderId
                    ? RuleResult.Allow(rule, $"{card.HolderName} déclare pour sa propre carte.")
                    : RuleResult.Refuse(rule, $"Le déclarant n'est pas le porteur de la carte {card.SerialNumber} ({card.HolderName}) : seul le porteur déclare en son nom propre.");
            case RequesterCapacity.StructureHead:
                if (f.Structure is null || card.StructureId != f.Structure.Id)
                    return RuleResult.Refuse(rule, $"La carte {card.SerialNumber} n'est rattachée à aucune structure : seul son porteur (ou une autorité) peut la déclarer.");
                return f.DeclarantPersonId is { } head && head == f.Structure.LegalRepresentativeId
                    ? RuleResult.Allow(rule, $"Le responsable de « {f.Structure.Name} » déclare pour une carte de sa structure.")
                    : RuleResult.Refuse(rule, $"Le déclarant n'est pas le représentant légal de « {f.Structure.Name} » : le responsable de structure ne déclare que pour les cartes de sa propre structure.");
            case RequesterCapacity.Mandatary:
                if (f.Structure is null || card.StructureId != f.Structure.Id)
                    return RuleResult.Refuse(rule, $"La carte {card.SerialNumber} n'est rattachée à aucune structure : un mandataire ne peut pas la déclarer.");
                return f.DeclarantPersonId is { } mandatary && f.Structure.ActiveMandataryIds.Contains(mandatary)
                    ? RuleResult.Allow(rule, $"Le déclarant est mandataire de « {f.Structure.Name} » : il agit comme le responsable de structure pour ses cartes.")
                    : RuleResult.Refuse(rule, $"Le déclarant n'a pas de mandat en cours pour « {f.Structure.Name} » : seul un mandataire désigné par le représentant légal (F502) peut déclarer pour les cartes de la structure.");
            case RequesterCapacity.Authority:
                return string.IsNullOrWhiteSpace(f.DeclarantName)
                    ? RuleResult.Refuse(rule, "Indiquez l'autorité qui fait la demande (Ordre, ARS, autorité judiciaire ou de tutelle…).")
                    : RuleResult.Allow(rule, $"Demande d'une autorité ({f.DeclarantName.Trim()}) : l'ANS met la carte en opposition à la demande d'une autorité judiciaire, de tutelle ou compétente.");
            default:
                return RuleResult.Refuse(rule, "Un incident (F501) est déclaré par le porteur de la carte, le responsable de sa structure, un mandataire de celle-ci ou une autorité ; aucune autre personne ne peut le faire.");
        }
    }

    /// <summary>An authority asks for the opposition of a card; it does not declare losses or PIN troubles for the holder.</summary>
    public static RuleResult AuthorityAsksOnlyForOpposition(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.AuthorityAsksOnlyForOpposition;
        if (f.Capacity != RequesterCapacity.Authority) return RuleResult.Allow(rule, "La demande ne vient pas d'une autorité.");
        return f.Kind == IncidentKind.Revocation
            ? RuleResult.Allow(rule, "Une autorité peut demander la mise en opposition d'une carte.")
            : RuleResult.Refuse(rule, $"Une autorité demande la mise en opposition d'une carte ; « {IncidentLabels.Kind(f.Kind)} » se déclare par le porteur ou sa structure.");
    }

    /// <summary>The channel rule of an F501 declaration (mail, phone, TOM, TOPS, portal).</summary>
    public static RuleResult IncidentChannel(IncidentFacts f) => f.Channel switch
    {
        RequestChannel.Mail => MailNeedsIdDocument(f.Capacity, f.HasIdDocument),
        RequestChannel.Phone => PhoneOnlyForHolderWithUnblockCode(f),
        RequestChannel.Tom => TomForStructureHeadsAndMandataries(f),
        RequestChannel.Tops => TopsForLiberalPracticeHeadsForTheirEmployees(f),
        _ => PortalForStructureHeadsAndMandataries(f.Capacity),
    };

    /// <summary>
    /// Form 501 by mail is open to every profile ("quel que soit votre profil"), with a scan of an identity document;
    /// without it the request waits in "Pièces manquantes" (it is not refused).
    /// </summary>
    public static RuleResult MailNeedsIdDocument(RequesterCapacity capacity, bool hasIdDocument)
    {
        const RequestRule rule = RequestRule.MailNeedsIdDocument;
        var piece = capacity == RequesterCapacity.Authority ? "le courrier signé de l'autorité" : "la copie d'une pièce d'identité du déclarant";
        return RuleResult.Allow(rule, hasIdDocument
            ? $"Formulaire reçu par courrier ou courriel avec {piece} : le dossier est complet."
            : $"Formulaire reçu par courrier ou courriel sans {piece} : la demande attend cette pièce (« Pièces manquantes »).");
    }

    /// <summary>
    /// By phone, only the holder, and only with their unblock code for a loss, theft, malfunction or card not received
    /// ("uniquement si elle est munie de son code de déblocage"). A forgotten or blocked PIN is the phone's own case:
    /// the holder calls ("contactez-nous par téléphone"). Codes not received cannot come by phone: the unblock code
    /// travels in the missing letter. An opposition on request is asked in writing.
    /// </summary>
    public static RuleResult PhoneOnlyForHolderWithUnblockCode(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.PhoneOnlyForHolderWithUnblockCode;
        if (f.Capacity != RequesterCapacity.Holder)
            return RuleResult.Refuse(rule, "Par téléphone, seul le porteur de la carte peut faire une déclaration. Le responsable de structure ou le mandataire passe par TOM, TOPS, le portail ou le formulaire 501 ; une autorité écrit.");
        switch (f.Kind)
        {
            case IncidentKind.ForgottenPin or IncidentKind.BlockedPin:
                return RuleResult.Allow(rule, "Le porteur appelle le service client pour un code oublié, un pli perdu ou une carte bloquée : c'est la démarche prévue.");
            case IncidentKind.CodesNotReceived:
                return RuleResult.Refuse(rule, "Codes non reçus : le code de déblocage qui permet de s'identifier par téléphone est dans le pli manquant. Le porteur envoie le formulaire 501 avec une copie de sa pièce d'identité.");
            case IncidentKind.Revocation:
                return RuleResult.Refuse(rule, "Une demande de mise en opposition se fait par écrit (formulaire 501 avec une pièce d'identité), pas par téléphone.");
            default:
                return f.HasUnblockCode
                    ? RuleResult.Allow(rule, $"Le porteur déclare « {IncidentLabels.Kind(f.Kind).ToLowerInvariant()} » par téléphone et dispose de son code de déblocage.")
                    : RuleResult.Refuse(rule, $"Par téléphone, la déclaration « {IncidentLabels.Kind(f.Kind).ToLowerInvariant()} » n'est possible que si le porteur est muni de son code de déblocage (envoyé avec ses codes). Sinon : formulaire 501 par courriel avec une pièce d'identité, ou TOM/TOPS par sa structure.");
        }
    }

    /// <summary>
    /// TOM: the structure head or their mandatary, for an employee of a care or health-domain structure (seeds/001). A liberal
    /// practice uses TOPS instead.
    /// </summary>
    public static RuleResult TomForStructureHeadsAndMandataries(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.TomForStructureHeadsAndMandataries;
        if (f.Capacity is not (RequesterCapacity.StructureHead or RequesterCapacity.Mandatary))
            return RuleResult.Refuse(rule, "Le téléservice TOM est réservé au responsable de structure et à son mandataire, pour les cartes de leurs employés.");
        if (f.Structure is { Kind: StructureKind.LiberalPractice })
            return RuleResult.Refuse(rule, $"« {f.Structure.Name} » est un cabinet libéral : ses déclarations passent par TOPS, pas par TOM.");
        return RuleResult.Allow(rule, "Déclaration par TOM du responsable de structure ou de son mandataire pour un employé.");
    }

    /// <summary>TOPS: the health professional heading a liberal practice (cabinet, laboratory, pharmacy), for their employees (seeds/001).</summary>
    public static RuleResult TopsForLiberalPracticeHeadsForTheirEmployees(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.TopsForLiberalPracticeHeadsForTheirEmployees;
        if (f.Capacity != RequesterCapacity.StructureHead || f.Structure is not { Kind: StructureKind.LiberalPractice })
            return RuleResult.Refuse(rule, "Le téléservice TOPS est réservé au professionnel de santé responsable d'un cabinet libéral, d'un laboratoire ou d'une pharmacie, pour ses employés.");
        if (f.DeclarantPersonId == f.Card.HolderId)
            return RuleResult.Refuse(rule, "TOPS sert à déclarer pour ses employés : pour sa propre carte, le professionnel appelle avec son code de déblocage ou envoie le formulaire 501.");
        return RuleResult.Allow(rule, "Déclaration par TOPS du professionnel de santé pour son employé.");
    }

    /// <summary>This application's portal: structure managers and mandataries, signed in, for their structures' cards (the portal plays TOM's part).</summary>
    public static RuleResult PortalForStructureHeadsAndMandataries(RequesterCapacity capacity)
    {
        const RequestRule rule = RequestRule.PortalForStructureHeadsAndMandataries;
        return capacity is RequesterCapacity.StructureHead or RequesterCapacity.Mandatary
            ? RuleResult.Allow(rule, "Déclaration depuis le portail, par un responsable de structure ou un mandataire connecté.")
            : RuleResult.Refuse(rule, "Le portail est réservé aux responsables de structure et aux mandataires.");
    }

    /// <summary>Which card statuses each kind of incident applies to.</summary>
    public static RuleResult CardStatusAllowsIncident(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.CardStatusAllowsIncident;
        var card = f.Card;
        var status = CardLabels.Status(card.Status);
        if (card.Status == CardStatus.Opposed)
            return RuleResult.Refuse(rule, $"La carte {card.SerialNumber} est déjà en opposition depuis le {Day(card.OpposedAt)} : ses certificats sont révoqués, il n'y a plus rien à déclarer sur elle.");
        if (card.Status is CardStatus.Expired or CardStatus.Returned)
            return RuleResult.Refuse(rule, $"La carte {card.SerialNumber} est {status} : elle n'est plus en circulation.");
        var notYetShipped = card.Status is CardStatus.Ordered or CardStatus.InProduction;
        var expected = card.ExpectedOn is { } on ? $" ; elle est attendue le {Day(on)}" : "";
        return f.Kind switch
        {
            IncidentKind.Loss or IncidentKind.Theft or IncidentKind.Malfunction or IncidentKind.Revocation when notYetShipped =>
                RuleResult.Refuse(rule, $"La carte {card.SerialNumber} n'est pas encore expédiée (statut : {status}){expected}."),
            IncidentKind.CardNotReceived when card.Status == CardStatus.Active =>
                RuleResult.Refuse(rule, $"La carte {card.SerialNumber} est active : elle a été reçue et utilisée."),
            IncidentKind.CardNotReceived when notYetShipped =>
                RuleResult.Refuse(rule, $"La carte {card.SerialNumber} n'est pas encore expédiée (statut : {status}){expected} : il est trop tôt pour la déclarer non reçue."),
            IncidentKind.ForgottenPin or IncidentKind.BlockedPin when !CodesOut.Contains(card.Status) =>
                RuleResult.Refuse(rule, $"Les codes de la carte {card.SerialNumber} ne sont pas encore envoyés (statut : {status})"
                    + (card.CodesExpectedOn is { } codes ? $" ; ils sont attendus le {Day(codes)}." : ".")),
            IncidentKind.CodesNotReceived when notYetShipped =>
                RuleResult.Refuse(rule, $"La carte {card.SerialNumber} n'est pas encore expédiée (statut : {status}) : ses codes partent un jour ouvré après elle."),
            _ => RuleResult.Allow(rule, $"La carte {card.SerialNumber} est {status} : « {IncidentLabels.Kind(f.Kind).ToLowerInvariant()} » peut être déclaré."),
        };
    }

    /// <summary>
    /// A card is "not received" only once its expected day has passed (dispatch check): the lost envelope is then opposed
    /// and a new card issued with new dates.
    /// </summary>
    public static RuleResult CardNotReceivedOnlyAfterExpectedDate(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.CardNotReceivedOnlyAfterExpectedDate;
        var card = f.Card;
        var shipped = card.ShippedOn is { } s ? $"expédiée le {Day(s)}" : "expédiée";
        if (card.ExpectedOn is { } expected && f.Today <= expected)
            return RuleResult.Refuse(rule, $"La carte {card.SerialNumber} a été {shipped} et est attendue le {Day(expected)} : la non-réception se déclare après cette date.");
        return RuleResult.Allow(rule, $"La carte {card.SerialNumber} a été {shipped}"
            + (card.ExpectedOn is { } due ? $" et était attendue le {Day(due)}" : "")
            + " : l'envoi est considéré comme perdu, la carte est mise en opposition et une nouvelle carte est commandée.");
    }

    /// <summary>Codes are "not received" only once they have gone out and their expected day has passed.</summary>
    public static RuleResult CodesNotReceivedOnlyAfterExpectedDate(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.CodesNotReceivedOnlyAfterExpectedDate;
        var card = f.Card;
        if (card.CodesExpectedOn is { } expected && f.Today <= expected)
            return RuleResult.Refuse(rule, $"Les codes de la carte {card.SerialNumber} sont attendus le {Day(expected)} : la non-réception se déclare après cette date.");
        if (card.CodesExpectedOn is null && card.Status == CardStatus.Shipped)
            return RuleResult.Refuse(rule, $"Les codes de la carte {card.SerialNumber} ne sont pas encore partis : ils sont envoyés un jour ouvré après la carte.");
        return RuleResult.Allow(rule, $"Les codes de la carte {card.SerialNumber} auraient dû arriver : un nouveau pli sécurisé est envoyé.");
    }

    /// <summary>
    /// "Pour les professionnels de santé dont la profession est gérée par le RPPS la carte ne peut être mise en opposition
    /// qu'après radiation de l'autorité compétente" (seeds/001). Applies to oppositions on request (end of practice,
    /// departure, authority decision); a loss or theft is opposed at once.
    /// </summary>
    public static RuleResult RppsOppositionOnlyAfterRadiation(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.RppsOppositionOnlyAfterRadiation;
        var card = f.Card;
        var ground = f.Ground is { } g ? IncidentLabels.Ground(g) : "motif non précisé";
        if (card.HolderNationalIdKind != NationalIdKind.Rpps || card.Type != CardType.Cps)
            return RuleResult.Allow(rule, $"{card.HolderName} n'exerce pas une profession gérée par le RPPS : la carte peut être mise en opposition ({ground}).");
        var radiated = card.HolderRadiatedOn
            ?? (f.Capacity == RequesterCapacity.Authority ? f.RadiationStatedOn : null);
        if (radiated is { } on && on <= f.Today)
            return RuleResult.Allow(rule, $"{card.HolderName} a été radié(e) le {Day(on)} par l'autorité compétente : la carte peut être mise en opposition ({ground}).");
        return RuleResult.Refuse(rule,
            $"{card.HolderName} exerce une profession gérée par le RPPS : sa carte ne peut être mise en opposition qu'après sa radiation par l'autorité compétente "
            + "(Ordre, Service de santé des armées…). Aucune radiation n'est enregistrée : la demande est refusée. "
            + "Le professionnel (ou la structure) s'adresse d'abord à son Ordre ; la perte ou le vol, eux, se déclarent sans attendre.");
    }

    /// <summary>Only a lost or stolen card may be opposed without a replacement (an employee leaving, for instance).</summary>
    public static RuleResult ReplacementDeclinedOnlyForLossOrTheft(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.ReplacementDeclinedOnlyForLossOrTheft;
        return f.Kind is IncidentKind.Loss or IncidentKind.Theft
            ? RuleResult.Allow(rule, "Le remplacement est refusé par le déclarant : la carte est mise en opposition sans nouvelle commande.")
            : RuleResult.Refuse(rule, $"« {IncidentLabels.Kind(f.Kind)} » : le remplacement ne peut pas être refusé (il n'est facultatif que pour une perte ou un vol).");
    }

    /// <summary>
    /// Test cards all share one PIN published with the ANS test-card offer (seeds/001): no secure letter is sent for them.
    /// The application does not repeat the code itself: it never shows a PIN.
    /// </summary>
    public static RuleResult TestCardPinIsNotResent(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.TestCardPinIsNotResent;
        return f.Card.Type == CardType.Test
            ? RuleResult.Refuse(rule, "Carte de test : toutes les cartes de test ont le même code porteur, publié par l'ANS avec l'offre de cartes de test (FAQ cartes). Aucun pli n'est envoyé.")
            : RuleResult.Allow(rule, "Carte de production : un pli sécurisé personnel est envoyé.");
    }

    /// <summary>The PIN letter goes to the correspondence address registered with the registration authority (seeds/001).</summary>
    public static RuleResult PinLetterNeedsCorrespondenceAddress(IncidentFacts f)
    {
        const RequestRule rule = RequestRule.PinLetterNeedsCorrespondenceAddress;
        return f.Card.HolderHasCorrespondenceAddress
            ? RuleResult.Allow(rule, $"Le pli est envoyé à l'adresse de correspondance de {f.Card.HolderName}.")
            : RuleResult.Refuse(rule, $"Aucune adresse de correspondance n'est enregistrée pour {f.Card.HolderName} : le pli sécurisé ne peut pas partir. Faites d'abord mettre à jour l'adresse auprès de l'autorité d'enregistrement.");
    }

    /// <summary>F502: only the legal representative designates or removes mandataries; a mandatary cannot.</summary>
    public static RuleResult MandatariesByLegalRepresentativeOnly(StructureFormFacts f)
    {
        const RequestRule rule = RequestRule.MandatariesByLegalRepresentativeOnly;
        return f.Capacity == RequesterCapacity.StructureHead && f.DeclarantPersonId is { } id && id == f.Structure.LegalRepresentativeId
            ? RuleResult.Allow(rule, $"Le représentant légal de « {f.Structure.Name} » désigne ou retire ses mandataires.")
            : RuleResult.Refuse(rule, $"Seul le représentant légal de « {f.Structure.Name} » peut désigner ou retirer des mandataires (F502) ; un mandataire ne le peut pas.");
    }

    /// <summary>F503 and F504: the legal representative or a mandatary of the structure.</summary>
    public static RuleResult LegalRepresentativeOrMandatary(StructureFormFacts f)
    {
        const RequestRule rule = RequestRule.LegalRepresentativeOrMandatary;
        var s = f.Structure;
        return f switch
        {
            { Capacity: RequesterCapacity.StructureHead, DeclarantPersonId: { } id } when id == s.LegalRepresentativeId =>
                RuleResult.Allow(rule, $"Le représentant légal de « {s.Name} » dépose le formulaire {f.Form}."),
            { Capacity: RequesterCapacity.Mandatary, DeclarantPersonId: { } id } when s.ActiveMandataryIds.Contains(id) =>
                RuleResult.Allow(rule, $"Un mandataire de « {s.Name} » dépose le formulaire {f.Form}."),
            _ => RuleResult.Refuse(rule, $"Le formulaire {f.Form} est réservé au représentant légal de « {s.Name} » ou à un mandataire en cours de mandat."),
        };
    }

    /// <summary>F502, F503 and F504 have no online procedure ("démarche simplifiée : non"): the signed PDF by mail, or this portal.</summary>
    public static RuleResult StructureFormsByMailOrPortal(StructureFormFacts f)
    {
        const RequestRule rule = RequestRule.StructureFormsByMailOrPortal;
        return f.Channel switch
        {
            RequestChannel.Mail => MailNeedsIdDocument(f.Capacity, f.HasIdDocument) with { Rule = rule },
            RequestChannel.Portal => PortalForStructureHeadsAndMandataries(f.Capacity) with { Rule = rule },
            _ => RuleResult.Refuse(rule, $"Le formulaire {f.Form} se dépose par courriel (formulaire signé avec une pièce d'identité) ou depuis le portail, pas par {RequestLabels.Channel(f.Channel)}."),
        };
    }

    /// <summary>A structure form must change something: someone to add or remove, or an address.</summary>
    public static RuleResult SomethingToChange(StructureFormFacts f)
    {
        const RequestRule rule = RequestRule.SomethingToChange;
        var any = f.Form == FormCode.F504 ? f.NewAddress is not null : (f.Added?.Count ?? 0) + (f.Removed?.Count ?? 0) > 0;
        return any ? RuleResult.Allow(rule, "La demande contient au moins un changement.") : RuleResult.Refuse(rule, "La demande ne contient aucun changement.");
    }

    /// <summary>A mandatary acts with their card (TOM needs "une carte qui a été déclarée mandataire"): they must hold an active one.</summary>
    public static RuleResult MandataryHoldsActiveCard(StructureFormFacts f, NamedPersonFacts p)
    {
        const RequestRule rule = RequestRule.MandataryHoldsActiveCard;
        if (p.Id == f.Structure.LegalRepresentativeId)
            return RuleResult.Refuse(rule, $"{p.Name} est le représentant légal de « {f.Structure.Name} » : il n'a pas besoin d'être mandataire.");
        return p.HasActiveCard
            ? RuleResult.Allow(rule, $"{p.Name} détient une carte active : il peut être désigné mandataire.")
            : RuleResult.Refuse(rule, $"{p.Name} ne détient aucune carte active : un mandataire agit avec sa carte CPx (TOM, formulaires). Commandez-lui d'abord une carte.");
    }

    /// <summary>F413/F503: technical administrators are people "ayant déjà des cartes actives".</summary>
    public static RuleResult TechnicalAdministratorHoldsActiveCard(NamedPersonFacts p)
    {
        const RequestRule rule = RequestRule.TechnicalAdministratorHoldsActiveCard;
        return p.HasActiveCard
            ? RuleResult.Allow(rule, $"{p.Name} détient une carte active : il peut être administrateur technique.")
            : RuleResult.Refuse(rule, $"{p.Name} ne détient aucune carte active : un administrateur technique de certificats logiciels doit déjà avoir une carte active.");
    }

    /// <summary>F413/F503: software certificates need the structure's membership contract with the ANS.</summary>
    public static RuleResult TechnicalAdministratorsNeedMembershipContract(StructureFormFacts f)
    {
        const RequestRule rule = RequestRule.TechnicalAdministratorsNeedMembershipContract;
        return f.Structure.HasMembershipContract
            ? RuleResult.Allow(rule, $"« {f.Structure.Name} » a signé le contrat d'adhésion aux services de l'ANS.")
            : RuleResult.Refuse(rule, $"« {f.Structure.Name} » n'a pas signé le contrat d'adhésion aux moyens d'identification électronique de l'ANS : il est requis pour désigner des administrateurs techniques.");
    }

    /// <summary>F413/F503: "le responsable légal de la structure, ou son mandataire, doit disposer d'une carte active".</summary>
    public static RuleResult DeclarantHoldsActiveCard(StructureFormFacts f)
    {
        const RequestRule rule = RequestRule.DeclarantHoldsActiveCard;
        return f.DeclarantHasActiveCard
            ? RuleResult.Allow(rule, "Le déclarant dispose d'une carte active.")
            : RuleResult.Refuse(rule, "Le représentant légal ou le mandataire qui dépose ce formulaire doit disposer d'une carte active.");
    }

    /// <summary>A delivery address needs a street line, a 5-digit French postal code and a city.</summary>
    public static RuleResult DeliveryAddressComplete(Address? address)
    {
        const RequestRule rule = RequestRule.DeliveryAddressComplete;
        if (address is null) return RuleResult.Refuse(rule, "Indiquez la nouvelle adresse de livraison.");
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(address.Line1)) missing.Add("la voie");
        if (address.PostalCode?.Trim() is not { Length: 5 } code || !code.All(char.IsAsciiDigit)) missing.Add("un code postal à 5 chiffres");
        if (string.IsNullOrWhiteSpace(address.City)) missing.Add("la commune");
        return missing.Count == 0
            ? RuleResult.Allow(rule, $"Nouvelle adresse de livraison : {address}.")
            : RuleResult.Refuse(rule, "L'adresse de livraison est incomplète : il manque " + string.Join(", ", missing) + ".");
    }

    /// <summary>At most this many card lines in one order (a CSV import of a whole department fits).</summary>
    public const int MaxOrderLines = 200;

    /// <summary>
    /// Judges an order (F101, F201, F301, F414): the rules of the order, then the rules of each card line, then the
    /// missing pieces. Sources: DOMAIN.md (who orders which card), seeds/004 (eligibility matrix, TOM/TOPS), seeds/001.
    /// </summary>
    public static OrderReport CheckOrder(OrderFacts f)
    {
        var cardType = OrderCatalog.CardTypeFor(f.Form, f.Structure.Kind);
        var results = new List<RuleResult>
        {
            OrderFormAllowedForStructureKind(f),
            OrderChannelAllowed(f),
            f.Form == FormCode.F101 ? LegalRepresentativeCardOnlyForTheLegalRepresentative(f) : OrderedByLegalRepresentativeOrMandatary(f),
            OrderHasCardLines(f),
            OrderDeliveryAddressComplete(f.DeliveryAddress),
        };
        if (f.Form is FormCode.F201 or FormCode.F301) results.Add(RequesterHoldsActiveCard(f));
        if (cardType == CardType.Cpa) results.Add(CpaNeedsCdaAndMembershipContract(f));

        var lines = f.Lines.Select(line =>
        {
            var checks = new List<RuleResult> { HolderDetailsComplete(f.Form, line), HolderIdentifierValid(f.Form, line) };
            if (f.Form == FormCode.F201)
            {
                checks.Add(RppsProfessionsGetTheirCpsAutomatically(line));
                if (OrderCatalog.RppsProfession(line.Profession) is null) checks.Add(CpsOrderOnlyForSalariedMedicalAuxiliaries(line));
            }
            if (f.Form == FormCode.F414) checks.Add(TestCardFromTheOffer(line));
            checks.Add(NoDuplicateLineInOrder(line));
            if (f.Form != FormCode.F414) checks.Add(NoActiveCardOfSameType(line, cardType));
            return new OrderLineReport(line.Position, checks);
        }).ToList();

        var pieces = new List<string>();
        if (f.Channel == RequestChannel.Mail && !f.HasIdDocument) pieces.Add(IdDocumentPiece);
        return new OrderReport(cardType, results, lines, pieces);
    }

    /// <summary>
    /// The eligibility matrix (webinar of 13/09/2022): F101 and F301 for every structure but liberal practices, F201 for
    /// health establishments and medico-social structures, F414 for anyone. A liberal practice orders its staff cards through TOPS.
    /// </summary>
    public static RuleResult OrderFormAllowedForStructureKind(OrderFacts f)
    {
        const RequestRule rule = RequestRule.OrderFormAllowedForStructureKind;
        var s = f.Structure;
        if (OrderCatalog.FormAllowed(f.Form, s.Kind))
            return RuleResult.Allow(rule, $"« {s.Name} » ({OrderCatalog.StructureKindLabel(s.Kind)}) peut utiliser le formulaire {f.Form}.");
        if (f.Form == FormCode.F301 && s.Kind == StructureKind.LiberalPractice && f.Channel == RequestChannel.Tops)
            return RuleResult.Allow(rule, $"« {s.Name} » est un cabinet libéral : il commande les cartes de ses employés par TOPS.");
        var hint = s.Kind == StructureKind.LiberalPractice && f.Form == FormCode.F301
            ? " Un cabinet libéral commande les cartes de ses employés par TOPS."
            : f.Form == FormCode.F201 ? " Les autres structures n'emploient pas d'auxiliaires médicaux salariés pour cette démarche." : "";
        return RuleResult.Refuse(rule, $"« {s.Name} » ({OrderCatalog.StructureKindLabel(s.Kind)}) ne peut pas utiliser le formulaire {f.Form} : "
            + $"il est réservé aux structures suivantes : {OrderCatalog.AllowedKinds(f.Form)}.{hint}");
    }

    /// <summary>
    /// Orders arrive by mail (signed form with an identity document), through this portal, or online: TOM for
    /// establishments and medico-social structures (structure head or mandatary), TOPS for liberal practices (their head).
    /// Never by phone.
    /// </summary>
    public static RuleResult OrderChannelAllowed(OrderFacts f)
    {
        const RequestRule rule = RequestRule.OrderChannelAllowed;
        var s = f.Structure;
        var headOrMandatary = f.Capacity is RequesterCapacity.StructureHead or RequesterCapacity.Mandatary;
        switch (f.Channel)
        {
            case RequestChannel.Mail:
                return MailNeedsIdDocument(f.Capacity, f.HasIdDocument) with { Rule = rule };
            case RequestChannel.Portal:
                return headOrMandatary || f.Form == FormCode.F414
                    ? RuleResult.Allow(rule, "Commande déposée depuis le portail de la structure.")
                    : RuleResult.Refuse(rule, "Depuis le portail, seuls le responsable de la structure et ses mandataires commandent des cartes.");
            case RequestChannel.Tom:
                if (OrderCatalog.OnlineService(s.Kind) != RequestChannel.Tom)
                    return RuleResult.Refuse(rule, $"TOM est réservé aux établissements de santé et aux structures médico-sociales ; « {s.Name} » ({OrderCatalog.StructureKindLabel(s.Kind)}) commande par le formulaire signé ou le portail.");
                return headOrMandatary
                    ? RuleResult.Allow(rule, "Commande saisie dans TOM par le responsable de la structure ou un mandataire.")
                    : RuleResult.Refuse(rule, "TOM est réservé au responsable de la structure et à ses mandataires (carte CDE/CDA ou carte déclarée mandataire).");
            case RequestChannel.Tops:
                if (OrderCatalog.OnlineService(s.Kind) != RequestChannel.Tops)
                    return RuleResult.Refuse(rule, $"TOPS est réservé aux cabinets libéraux ; « {s.Name} » ({OrderCatalog.StructureKindLabel(s.Kind)}) n'y a pas accès.");
                return f.Capacity == RequesterCapacity.StructureHead
                    ? RuleResult.Allow(rule, "Commande saisie dans TOPS par le professionnel de santé responsable du cabinet.")
                    : RuleResult.Refuse(rule, "TOPS est réservé au professionnel de santé responsable du cabinet.");
            default:
                return RuleResult.Refuse(rule, "Une commande de cartes ne se fait pas par téléphone : formulaire signé par courriel, portail, ou service en ligne (TOM, TOPS).");
        }
    }

    /// <summary>F201 and F301 are filed by the legal representative or a mandatary of the structure; test cards (F414) by anyone.</summary>
    public static RuleResult OrderedByLegalRepresentativeOrMandatary(OrderFacts f)
    {
        const RequestRule rule = RequestRule.OrderedByLegalRepresentativeOrMandatary;
        var s = f.Structure;
        if (f.Form == FormCode.F414) return RuleResult.Allow(rule, "Les cartes de test (F414) peuvent être commandées par tout demandeur.");
        return f switch
        {
            { Capacity: RequesterCapacity.StructureHead, DeclarantPersonId: { } id } when id == s.LegalRepresentativeId =>
                RuleResult.Allow(rule, $"Le représentant légal de « {s.Name} » commande pour sa structure."),
            { Capacity: RequesterCapacity.Mandatary, DeclarantPersonId: { } id } when s.ActiveMandataryIds.Contains(id) =>
                RuleResult.Allow(rule, $"Un mandataire de « {s.Name} » commande pour la structure."),
            _ => RuleResult.Refuse(rule, $"Le formulaire {f.Form} est déposé par le représentant légal de « {s.Name} » ou par un mandataire en cours de mandat."),
        };
    }

    /// <summary>F101: the legal representative asks for their own card (CDE or CDA), one card; a mandatary cannot.</summary>
    public static RuleResult LegalRepresentativeCardOnlyForTheLegalRepresentative(OrderFacts f)
    {
        const RequestRule rule = RequestRule.LegalRepresentativeCardOnlyForTheLegalRepresentative;
        var s = f.Structure;
        if (f.Capacity != RequesterCapacity.StructureHead || f.DeclarantPersonId is not { } id || id != s.LegalRepresentativeId)
            return RuleResult.Refuse(rule, $"La carte de représentant légal (F101) est demandée par le représentant légal de « {s.Name} » lui-même ; un mandataire ou un tiers ne peut pas la demander.");
        return f.Lines.Count == 1
            ? RuleResult.Allow(rule, $"Le représentant légal de « {s.Name} » demande sa carte.")
            : RuleResult.Refuse(rule, "Une demande F101 porte sur une seule carte : celle du représentant légal.");
    }

    /// <summary>
    /// F201 and F301 need the requester's active card: TOM opens with a CDE/CDA or a card declared as mandatary, and the
    /// form is signed by a card holder of the structure. F101 gives the first card; F414 is open to anyone.
    /// </summary>
    public static RuleResult RequesterHoldsActiveCard(OrderFacts f)
    {
        const RequestRule rule = RequestRule.RequesterHoldsActiveCard;
        return f.DeclarantHasActiveCard
            ? RuleResult.Allow(rule, "Le demandeur dispose d'une carte active.")
            : RuleResult.Refuse(rule, "Le demandeur doit disposer d'une carte active (CDE/CDA du représentant légal ou carte du mandataire) pour commander des cartes. "
                + "Le représentant légal demande d'abord sa carte (F101).");
    }

    /// <summary>A CPA order needs the structure's CDA (its legal representative's card) and its membership contract (DOMAIN.md).</summary>
    public static RuleResult CpaNeedsCdaAndMembershipContract(OrderFacts f)
    {
        const RequestRule rule = RequestRule.CpaNeedsCdaAndMembershipContract;
        var missing = new List<string>();
        if (!f.StructureHasActiveCda) missing.Add("la carte CDA de son représentant légal (F101)");
        if (!f.Structure.HasMembershipContract) missing.Add("le contrat d'adhésion signé avec l'ANS");
        return missing.Count == 0
            ? RuleResult.Allow(rule, $"« {f.Structure.Name} » a une CDA active et un contrat d'adhésion : elle peut commander des CPA.")
            : RuleResult.Refuse(rule, $"Pour commander des CPA, « {f.Structure.Name} » doit d'abord avoir " + string.Join(" et ", missing) + ".");
    }

    public static RuleResult OrderHasCardLines(OrderFacts f)
    {
        const RequestRule rule = RequestRule.OrderHasCardLines;
        return f.Lines.Count switch
        {
            0 => RuleResult.Refuse(rule, "La commande ne contient aucune carte : ajoutez au moins un porteur."),
            > MaxOrderLines => RuleResult.Refuse(rule, $"Une commande est limitée à {MaxOrderLines} cartes : déposez plusieurs commandes."),
            var n => RuleResult.Allow(rule, $"{n} carte(s) commandée(s)."),
        };
    }

    /// <summary>Each card line names its holder: last and first name, and the profession or job title (F201: the ADELI number too; F414: the test card).</summary>
    public static RuleResult HolderDetailsComplete(FormCode form, OrderLineFacts line)
    {
        const RequestRule rule = RequestRule.HolderDetailsComplete;
        var missing = new List<string>();
        if (form == FormCode.F414)
        {
            if (string.IsNullOrWhiteSpace(line.Profession)) missing.Add("la carte de test souhaitée");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(line.LastName)) missing.Add("le nom");
            if (string.IsNullOrWhiteSpace(line.FirstName)) missing.Add("le prénom");
            if (string.IsNullOrWhiteSpace(line.Profession)) missing.Add(form == FormCode.F201 ? "la profession" : "la fonction");
            if (form == FormCode.F201 && string.IsNullOrWhiteSpace(line.Identifier)) missing.Add("le numéro ADELI");
        }
        return missing.Count == 0
            ? RuleResult.Allow(rule, "Les informations du porteur sont complètes.")
            : RuleResult.Refuse(rule, "Il manque " + string.Join(", ", missing) + ".");
    }

    /// <summary>An identifier, when given, is a valid RPPS (Luhn key), ADELI or national id; F201 needs an ADELI number.</summary>
    public static RuleResult HolderIdentifierValid(FormCode form, OrderLineFacts line)
    {
        const RequestRule rule = RequestRule.HolderIdentifierValid;
        var id = OrderCatalog.ParseIdentifier(line.Identifier);
        if (!id.IsValid) return RuleResult.Refuse(rule, id.Error!);
        return id.NationalId is null
            ? RuleResult.Allow(rule, "Pas d'identifiant national : personnel sans numéro RPPS ni ADELI.")
            : RuleResult.Allow(rule, $"Identifiant national {id.NationalId} valide.");
    }

    /// <summary>RPPS professions get their CPS automatically with their registration: F201 refuses them, and says so.</summary>
    public static RuleResult RppsProfessionsGetTheirCpsAutomatically(OrderLineFacts line)
    {
        const RequestRule rule = RequestRule.RppsProfessionsGetTheirCpsAutomatically;
        var profession = OrderCatalog.RppsProfession(line.Profession);
        var id = OrderCatalog.ParseIdentifier(line.Identifier);
        if (profession is null && id.Kind != People.NationalIdKind.Rpps)
            return RuleResult.Allow(rule, "Profession non enregistrée au RPPS.");
        var who = profession ?? "Ce professionnel (numéro RPPS)";
        return RuleResult.Refuse(rule, $"{who} : profession enregistrée au RPPS, la carte CPS est envoyée automatiquement après l'inscription auprès de l'Ordre ; "
            + "elle ne se commande pas avec le formulaire 201. En cas de carte non reçue, déclarez un incident (F501).");
    }

    /// <summary>F201 is the CPS of salaried medical auxiliaries registered in ADELI (orthophonistes, ergothérapeutes…); the others use F202 or no card.</summary>
    public static RuleResult CpsOrderOnlyForSalariedMedicalAuxiliaries(OrderLineFacts line)
    {
        const RequestRule rule = RequestRule.CpsOrderOnlyForSalariedMedicalAuxiliaries;
        return OrderCatalog.MedicalAuxiliary(line.Profession) is { } profession
            ? RuleResult.Allow(rule, $"{profession} : auxiliaire médical salarié, CPS commandée par le formulaire 201.")
            : RuleResult.Refuse(rule, $"« {line.Profession?.Trim()} » n'est pas une profession d'auxiliaire médical salarié du formulaire 201 ("
                + string.Join(", ", OrderCatalog.SalariedMedicalAuxiliaries) + "). Pour le personnel non soignant, utilisez le formulaire 301.");
    }

    /// <summary>F414: the integration kit or an individual test card of the ANS offer.</summary>
    public static RuleResult TestCardFromTheOffer(OrderLineFacts line)
    {
        const RequestRule rule = RequestRule.TestCardFromTheOffer;
        return OrderCatalog.TestCard(line.Profession) is { } card
            ? RuleResult.Allow(rule, $"Carte de test : {card}.")
            : RuleResult.Refuse(rule, $"« {line.Profession?.Trim()} » ne fait pas partie de l'offre de cartes de test : " + string.Join(", ", OrderCatalog.TestCards) + ".");
    }

    public static RuleResult NoDuplicateLineInOrder(OrderLineFacts line)
    {
        const RequestRule rule = RequestRule.NoDuplicateLineInOrder;
        return line.DuplicateOfPosition is { } first
            ? RuleResult.Refuse(rule, $"Doublon : le même porteur figure déjà à la ligne {first}.")
            : RuleResult.Allow(rule, "Porteur présent une seule fois dans la commande.");
    }

    /// <summary>A holder gets one card of a type: not a second one while one is in circulation, on its way or already ordered.</summary>
    public static RuleResult NoActiveCardOfSameType(OrderLineFacts line, CardType type)
    {
        const RequestRule rule = RequestRule.NoActiveCardOfSameType;
        return line.ExistingCardSerial is { } serial
            ? RuleResult.Refuse(rule, $"Le porteur a déjà une carte {CardLabels.Type(type)} en cours ({serial}) : une seconde carte du même type ne peut pas être commandée. "
                + "En cas de perte, de vol ou de dysfonctionnement, déclarez un incident (F501).")
            : RuleResult.Allow(rule, $"Le porteur n'a pas de carte {CardLabels.Type(type)} en cours.");
    }

    /// <summary>The cards go to the structure's delivery address: it must be complete.</summary>
    public static RuleResult OrderDeliveryAddressComplete(Address? address) =>
        DeliveryAddressComplete(address) with { Rule = RequestRule.OrderDeliveryAddressComplete };

    /// <summary>Whether the incident sends a new secure PIN letter.</summary>
    public static bool NeedsPinLetter(IncidentKind kind, bool hasUnblockCode) =>
        kind is IncidentKind.ForgottenPin or IncidentKind.CodesNotReceived || (kind == IncidentKind.BlockedPin && !hasUnblockCode);

    /// <summary>Whether the incident opposes the card (its certificates are revoked).</summary>
    public static bool OpposesCard(IncidentKind kind) =>
        kind is IncidentKind.Loss or IncidentKind.Theft or IncidentKind.CardNotReceived or IncidentKind.Revocation;

    /// <summary>Whether the incident orders a new card: lost or stolen (unless declined), faulty, or lost in the mail.</summary>
    public static bool OrdersReplacement(IncidentKind kind, bool declined) =>
        kind switch
        {
            IncidentKind.Loss or IncidentKind.Theft => !declined,
            IncidentKind.Malfunction or IncidentKind.CardNotReceived => true,
            _ => false,
        };

    /// <summary>What the desk tells a holder whose card is blocked after three wrong PINs (seeds/001).</summary>
    public static string BlockedPinGuidance(bool hasUnblockCode, DateOnly? letterSentOn = null) => hasUnblockCode
        ? "Avec le code de déblocage (8 chiffres, sur le même pli que le code porteur), le porteur débloque lui-même sa carte "
          + "avec l'outil de déblocage en ligne de l'ANS, ou se rend à sa CPAM avec sa carte et son code porteur. "
          + "Ne communiquez jamais ces codes par téléphone ou par écrit."
        : "Sans le code de déblocage, un nouveau pli sécurisé (code porteur et code de déblocage) est envoyé"
          + (letterSentOn is { } on ? $" le {Day(on)}" : "")
          + " à l'adresse de correspondance. À sa réception, le porteur débloque sa carte avec l'outil de déblocage en ligne de l'ANS ou à sa CPAM.";

    /// <summary>Who may file a form and through which channels, in French, for the screen that opens it.</summary>
    public static FormGuide Guide(FormCode form) => form switch
    {
        FormCode.F501 => new(form,
            "Le porteur de la carte, le responsable de sa structure, un mandataire de la structure ou une autorité (Ordre, ARS, autorité judiciaire ou de tutelle).",
            [
                "Courrier ou courriel : formulaire 501 avec la copie d'une pièce d'identité du déclarant (tout profil).",
                "Téléphone (0 825 852 000) : le porteur seul, muni de son code de déblocage ; code oublié ou carte bloquée : le porteur appelle.",
                "TOM : le responsable de structure ou son mandataire, pour un employé d'une structure de soins ou du domaine de la santé.",
                "TOPS : le professionnel de santé responsable d'un cabinet libéral, d'un laboratoire ou d'une pharmacie, pour ses employés.",
                "Portail : le responsable de structure ou le mandataire connecté, pour les cartes de sa structure.",
            ],
            [IdDocumentPiece + " (courrier ou courriel)"]),
        FormCode.F502 => new(form, "Le représentant légal de la structure uniquement.",
            ["Courrier ou courriel : formulaire 502 signé avec une pièce d'identité.", "Portail : le représentant légal connecté."],
            [IdDocumentPiece + " (courrier ou courriel)", "Les mandataires désignés détiennent une carte active."]),
        FormCode.F503 => new(form, "Le représentant légal de la structure ou un mandataire.",
            ["Courrier ou courriel : formulaire 503 signé avec une pièce d'identité.", "Portail."],
            [IdDocumentPiece + " (courrier ou courriel)", "Contrat d'adhésion signé ; déclarant et administrateurs avec une carte active."]),
        FormCode.F504 => new(form, "Le représentant légal de la structure ou un mandataire.",
            ["Courrier ou courriel : formulaire 504 signé avec une pièce d'identité.", "Portail."],
            [IdDocumentPiece + " (courrier ou courriel)"]),
        FormCode.F101 => new(form, "Le représentant légal de la structure, pour sa propre carte (CDE pour une structure de soins, CDA sinon).",
            ["Courrier ou courriel : formulaire 101 signé avec une pièce d'identité.", "Portail ; TOM pour les établissements de santé et médico-sociaux."],
            [IdDocumentPiece + " (courrier ou courriel)"]),
        FormCode.F201 => new(form, "Le représentant légal ou un mandataire d'un établissement de santé ou d'une structure médico-sociale, pour ses auxiliaires médicaux salariés (ADELI).",
            ["Courrier ou courriel : formulaire 201 signé.", "Portail ; TOM."],
            ["Carte active du demandeur.", "Les professions RPPS reçoivent leur CPS automatiquement."]),
        FormCode.F301 => new(form, "Le représentant légal ou un mandataire, pour le personnel non professionnel de santé (CPE en structure de soins, CPA sinon).",
            ["Courrier ou courriel : formulaire 301 signé.", "Portail ; TOM (établissements, médico-social) ; TOPS pour un cabinet libéral."],
            ["Carte active du demandeur.", "CPA : CDA de la structure et contrat d'adhésion."]),
        FormCode.F414 => new(form, "Tout demandeur (intégrateurs, éditeurs, structures).",
            ["Courrier ou courriel : formulaire 414.", "Portail."],
            ["Kit d'intégration ou cartes de test à l'unité, par profession."]),
        _ => new(form, "Voir les règles de commande de cartes.", [], []),
    };

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset? instant) =>
        instant is { } at ? Day(Calendar.ParisClock.DateOf(at)) : "(date inconnue)";
}

/// <summary>Who may file a form, through which channels, with which pieces: the text of the screen that opens the form.</summary>
public sealed record FormGuide(FormCode Form, string WhoMayFile, IReadOnlyList<string> Channels, IReadOnlyList<string> Pieces);
