using System.Globalization;
using CpsSupport.Features.Cards;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;

namespace CpsSupport.Features.Demo;

/// <summary>
/// A few dozen support tickets drawn from the registry: the incidents its cards went through (loss, blocked card,
/// card or codes not received, orders in production) and the usual questions of the desk (reader, Cryptolib, e-CPS,
/// RPPS directory, F502/F504, test cards). A ticket about a card names its serial in the subject and messages, the
/// ticket model having no card link yet. Numbers follow CPS-year-sequence in the order tickets were opened.
/// </summary>
internal sealed class DemoTicketBuilder(Random rng, DemoCalendar calendar, DemoRegistryBuilder registry, DemoTicketBuilder.Desk desk)
{
    /// <summary>The desk accounts tickets are assigned to and answered by.</summary>
    public sealed record Desk(Guid AgentId, string AgentName, Guid SupervisorId, string SupervisorName);

    private const string ReplacementDelay =
        "Une nouvelle carte vous parviendra environ 10 jours ouvrés après la réception du dossier complet ; ses codes suivront un jour après, par courrier sécurisé.";

    private readonly HashSet<Card> _used = [];
    private int _mailSequence;

    public List<Ticket> Tickets { get; } = [];

    public DemoTicketBuilder Build()
    {
        TestSurLoireTickets();
        foreach (var card in Take(6, c => c.Status == CardStatus.Opposed && c.OppositionReason is { } r && (r.StartsWith("Perte", StringComparison.Ordinal) || r.StartsWith("Vol", StringComparison.Ordinal)))) LostOrStolen(card);
        // Test cards carry fictitious identities: their holders never call.
        foreach (var card in Take(5, c => c.Status == CardStatus.Blocked && c.Type != CardType.Test && LastEventAt(c) > calendar.Now.AddDays(-20))) Blocked(card);
        foreach (var card in Take(3, c => c.Status == CardStatus.CodesSent && c.Type != CardType.Test && LastEventAt(c) < calendar.Now.AddDays(-7))) CardNotReceived(card);
        foreach (var card in Take(3, c => c.Status == CardStatus.CodesSent && c.Type != CardType.Test && LastEventAt(c) > calendar.Now.AddDays(-5))) CodesNotReceived(card);
        foreach (var card in Take(5, c => c.Status is CardStatus.Ordered or CardStatus.InProduction or CardStatus.Shipped && c.Type != CardType.Test)) OrderTracking(card);
        foreach (var card in Take(4, c => c.Status == CardStatus.Active && c.Type != CardType.Test)) ForgottenPin(card);
        foreach (var card in Take(4, c => c.Status == CardStatus.Active && c.Type == CardType.Cps)) ReaderSetup(card);
        foreach (var card in Take(3, c => c.Status == CardStatus.Active && c.Holder!.NationalIdKind == NationalIdKind.Rpps && c.Type == CardType.Cps)) ECpsActivation(card);
        foreach (var card in Take(2, c => c.Status == CardStatus.Active && c.Type == CardType.Cps)) RppsDirectory(card);
        foreach (var card in Take(2, c => c.Status == CardStatus.Opposed && c.OppositionReason?.StartsWith("Départ", StringComparison.Ordinal) == true)) Departure(card);
        foreach (var card in Take(2, c => c.Status == CardStatus.Active && c.Type != CardType.Test && c.ValidUntil is { } end && end <= calendar.Today.AddDays(60))) ExpiringSoon(card);
        foreach (var card in Take(2, c => c.Type == CardType.Cpe && c.Status == CardStatus.Active && c.Structure!.Kind == StructureKind.LiberalPractice)) LiberalEmployeeIncident(card);
        foreach (var card in Take(2, c => c.Type == CardType.Test && c.Status is CardStatus.Ordered or CardStatus.InProduction)) TestCardOrder(card);
        foreach (var card in Take(1, c => c.Type == CardType.Test && c.Status == CardStatus.Active)) TestCardPin(card);
        foreach (var site in Shuffled(registry.Sites.Where(s => s.Structure.Kind is StructureKind.HealthEstablishment or StructureKind.MedicoSocial && s.City != DemoReferenceData.TestSurLoire)).Take(3)) DeliveryAddressChange(site);
        foreach (var mandate in Shuffled(registry.Mandates.Where(m => m.EndsOn is null && m.StartsOn > calendar.Today.AddDays(-150))).Take(2)) MandataryDesignation(mandate);
        foreach (var site in Shuffled(registry.Sites.Where(s => s.Structure.Kind is StructureKind.HealthDomainNoCare or StructureKind.Industrial && !s.Structure.HasMembershipContract)).Take(2)) MissingMembershipContract(site);
        Number();
        return this;
    }

    /// <summary>Tickets of the two demo structures, so the portal accounts see some in their scope.</summary>
    private void TestSurLoireTickets()
    {
        var hospital = registry.Sites.Single(s => s.Structure.Finess == DemoAccounts.DirectorStructureFiness);
        var tilleuls = registry.Sites.Single(s => s.Structure.Finess == DemoAccounts.MandataryStructureFiness);
        var julien = registry.People.Single(p => p.Email == DemoRegistryBuilder.MandataryEmail);

        var order = Open("Commande de deux CPE pour les nouveaux agents d'accueil (F301)", TicketCategory.CardOrder, TicketChannel.Tom, TicketState.InProgress,
            hospital.Head, hospital.Structure, DaysAgo(3));
        Incoming(order, TicketMessageKind.IncomingMail, hospital.Head, $"""
            Bonjour,
            Nous accueillons deux agents d'accueil le mois prochain. Vous trouverez ci-joint le formulaire F301 signé pour leurs cartes CPE.
            Cordialement,
            {hospital.Head.FirstName} {hospital.Head.LastName}, {hospital.Structure.Name}
            """);
        Note(order, "Formulaire F301 complet et signé par la représentante légale ; commande à saisir.", 45);

        var address = Open("Nouvelle adresse de livraison des cartes (F504)", TicketCategory.DeliveryAddressChange, TicketChannel.Portal, TicketState.WaitingForRequester,
            julien, tilleuls.Structure, DaysAgo(5));
        Incoming(address, TicketMessageKind.IncomingMail, julien, $"""
            Bonjour,
            Le secrétariat de direction de l'{tilleuls.Structure.Name} déménage au rez-de-chaussée du bâtiment B. Merci de livrer désormais nos cartes à cette adresse.
            Julien Lefèvre, mandataire
            """);
        Reply(address, "Bonjour, le changement d'adresse de livraison se fait avec le formulaire F504, signé par le représentant légal ou un mandataire. Pouvez-vous nous l'adresser complété ? Cordialement.", 90);

        var pin = Take(1, c => c.Structure == hospital.Structure && c.Status == CardStatus.Active && c.Type == CardType.Cps).ToList();
        foreach (var card in pin) ReaderSetup(card, TicketState.New);
    }

    private void LostOrStolen(Card card)
    {
        var opposition = card.Events[^1];
        var theft = card.OppositionReason!.StartsWith("Vol", StringComparison.Ordinal);
        var byHead = opposition.Actor.Contains("TOM", StringComparison.Ordinal);
        var openedAt = opposition.At.AddMinutes(-rng.Next(20, 90));
        var ticket = Open($"{(theft ? "Vol" : "Perte")} de la {Label(card)} n° {card.SerialNumber}", (theft ? TicketCategory.Theft : TicketCategory.Loss),
            byHead ? TicketChannel.Tom : rng.Chance(0.5) ? TicketChannel.Phone : TicketChannel.Mail,
            openedAt > calendar.Now.AddDays(-3) ? TicketState.Resolved : TicketState.Closed, card.Holder, card.Structure, openedAt);
        var requester = byHead ? card.Structure!.LegalRepresentative! : card.Holder!;
        Incoming(ticket, ticket.Channel == TicketChannel.Phone ? TicketMessageKind.PhoneNote : TicketMessageKind.IncomingMail, requester,
            theft
                ? $"La {Label(card)} n° {card.SerialNumber} de {card.Holder!.FullName} a été volée. Le récépissé de dépôt de plainte et la copie de la pièce d'identité sont joints au formulaire F501."
                : $"La {Label(card)} n° {card.SerialNumber} de {card.Holder!.FullName} est perdue. Formulaire F501 et copie de la pièce d'identité joints.");
        Note(ticket, $"Carte {card.SerialNumber} mise en opposition : certificats révoqués (liste de révocation) et retirés de l'annuaire CPS. Carte de remplacement commandée.", 25);
        Reply(ticket, $"Bonjour, la carte n° {card.SerialNumber} est désormais en opposition. {ReplacementDelay} Cordialement.", 10);
    }

    private void Blocked(Card card)
    {
        var state = rng.Pick<TicketState>([(TicketState.New, 2), (TicketState.InProgress, 2), (TicketState.WaitingForRequester, 1)]);
        var openedAt = OfficeTimeAfter(card.Events[^1].At, 15, 600);
        var ticket = Open("Carte bloquée après trois codes porteur erronés", TicketCategory.BlockedPin, TicketChannel.Phone, state, card.Holder, card.Structure, openedAt);
        Incoming(ticket, TicketMessageKind.PhoneNote, card.Holder!,
            $"{card.Holder!.FullName} appelle : sa {Label(card)} n° {card.SerialNumber} est bloquée après trois codes porteur erronés.");
        if (state == TicketState.New) return;
        if (rng.Chance(0.5))
        {
            Note(ticket, "Le porteur a conservé son code de déblocage : orienté vers l'outil de déblocage en ligne ou un guichet de CPAM.", 5);
            if (state == TicketState.WaitingForRequester)
                Reply(ticket, "Bonjour, vous pouvez débloquer votre carte avec le code de déblocage reçu avec votre code porteur, en ligne ou dans un guichet de CPAM. Merci de nous confirmer que c'est fait. Cordialement.", 10);
        }
        else
        {
            Note(ticket, "Plus de code de déblocage : un nouveau courrier sécurisé sera envoyé à l'adresse de correspondance.", 5);
            if (state == TicketState.WaitingForRequester)
                Reply(ticket, $"Bonjour, pouvez-vous nous confirmer votre adresse de correspondance ({card.Holder.CorrespondenceAddress}) avant l'envoi d'un nouveau courrier sécurisé ? Cordialement.", 10);
        }
    }

    private void CardNotReceived(Card card)
    {
        var codes = card.Events.Single(e => e.Status == CardStatus.CodesSent);
        var ticket = Open($"Codes reçus mais {Label(card)} n° {card.SerialNumber} non reçue", TicketCategory.CardNotReceived, TicketChannel.Mail,
            rng.Chance(0.5) ? TicketState.New : TicketState.InProgress, card.Holder, card.Structure, OfficeTimeAfter(codes.At, 4 * 24 * 60, 7 * 24 * 60));
        Incoming(ticket, TicketMessageKind.IncomingMail, card.Holder!,
            $"Bonjour, j'ai bien reçu le courrier avec mes codes mais toujours pas ma carte n° {card.SerialNumber}, expédiée selon vous à l'adresse de livraison de ma structure. Que faire ?");
        if (ticket.State == TicketState.InProgress)
            Note(ticket, $"Expédiée le {Date(card.Events.Single(e => e.Status == CardStatus.Shipped).At)} à : {card.Structure!.DeliveryAddress}. Vérifier auprès du secrétariat avant opposition pour non-réception (F501).", 60);
    }

    private void CodesNotReceived(Card card)
    {
        var codes = card.Events.Single(e => e.Status == CardStatus.CodesSent);
        var ticket = Open("Carte reçue, codes non reçus", TicketCategory.CodesNotReceived, TicketChannel.Phone, TicketState.Resolved, card.Holder, card.Structure,
            OfficeTimeAfter(codes.At, 18 * 60, 40 * 60));
        Incoming(ticket, TicketMessageKind.PhoneNote, card.Holder!, $"{card.Holder!.FullName} a reçu sa {Label(card)} n° {card.SerialNumber} mais pas ses codes.");
        Reply(ticket, $"Bonjour, les codes sont envoyés un jour ouvré après la carte, par courrier sécurisé à votre adresse de correspondance : ils sont partis le {Date(codes.At)}. Cordialement.", 8);
    }

    private void OrderTracking(Card card)
    {
        var head = card.Structure?.LegalRepresentative;
        var asker = head is not null && head != card.Holder && rng.Chance(0.6) ? head : card.Holder!;
        var channel = asker == card.Holder ? TicketChannel.Mail : card.Structure!.Kind == StructureKind.LiberalPractice ? TicketChannel.Tops : TicketChannel.Tom;
        var shipped = card.Status == CardStatus.Shipped;
        var ticket = Open($"Suivi de commande : {Label(card)} de {card.Holder!.FullName}", TicketCategory.CardOrder, channel,
            shipped ? TicketState.Resolved : TicketState.WaitingForProduction, card.Holder, card.Structure, OfficeTimeAfter(card.Events[^1].At, 2 * 60, 30 * 60));
        Incoming(ticket, TicketMessageKind.IncomingMail, asker, $"Bonjour, où en est la commande de la {Label(card)} de {card.Holder.FullName} ? Merci.");
        Reply(ticket, shipped
            ? $"Bonjour, la carte n° {card.SerialNumber} a été expédiée le {Date(card.Events[^1].At)} ; les codes suivent un jour ouvré après. Cordialement."
            : $"Bonjour, la carte n° {card.SerialNumber} est {(card.Status == CardStatus.Ordered ? "commandée" : "en fabrication")}. Comptez environ 10 jours ouvrés après la réception du dossier complet ; les codes suivent un jour après. Cordialement.", 40);
    }

    private void ForgottenPin(Card card)
    {
        var state = rng.Chance(0.5) ? TicketState.Resolved : TicketState.Closed;
        var ticket = Open("Code porteur oublié", TicketCategory.ForgottenPin, TicketChannel.Phone, state, card.Holder, card.Structure, Opened(state));
        Incoming(ticket, TicketMessageKind.PhoneNote, card.Holder!, $"{card.Holder!.FullName} a oublié le code porteur de sa {Label(card)} n° {card.SerialNumber}.");
        Reply(ticket, $"Bonjour, votre code porteur vous sera renvoyé le jour ouvré suivant par courrier sécurisé à votre adresse de correspondance : {card.Holder.CorrespondenceAddress}. Cordialement.", 6);
    }

    private void ReaderSetup(Card card) => ReaderSetup(card, rng.Pick<TicketState>([(TicketState.New, 1), (TicketState.InProgress, 2), (TicketState.Resolved, 2), (TicketState.Closed, 2)]));

    private void ReaderSetup(Card card, TicketState state)
    {
        var (subject, question, answer) = rng.Pick([
            ("Lecteur de carte non reconnu après une mise à jour de Windows",
                "Depuis la mise à jour de Windows, mon lecteur n'est plus reconnu et ma CPS ne peut plus être lue.",
                "Réinstallez Cryptolib CPS (version 5), puis vérifiez la lecture de la carte avec le gestionnaire de la carte CPS et l'outil DiagCPS."),
            ("Installation de Cryptolib CPS sur macOS",
                "Je n'arrive pas à installer Cryptolib CPS sur mon Mac : la carte n'est pas vue.",
                "Téléchargez le paquet macOS de Cryptolib CPS, autorisez-le dans les réglages de sécurité puis contrôlez la carte avec le gestionnaire de la carte CPS."),
            ("Firefox ne propose pas la carte CPS",
                "Firefox ne me propose pas mon certificat CPS sur les sites sécurisés.",
                "Ajoutez le module PKCS#11 de Cryptolib CPS dans les périphériques de sécurité de Firefox (ou installez l'extension CPS), puis testez la connexion sur la page testssl."),
            ("Lecteur bi-fente et poste FSE : carte non lue",
                "Sur mon poste de facturation, le lecteur bi-fente ne lit plus la CPS.",
                "Sur un poste FSE avec lecteur bi-fente, vérifiez le composant GALSS et n'installez pas de pilote PC/SC concurrent ; l'installeur ATSAM remet la configuration d'aplomb."),
        ]);
        var ticket = Open(subject, TicketCategory.ReaderSetup, TicketChannel.Phone, state, card.Holder, card.Structure, Opened(state));
        Incoming(ticket, TicketMessageKind.PhoneNote, card.Holder!, $"{card.Holder!.FullName} ({Label(card)} n° {card.SerialNumber}) : {question}");
        if (state == TicketState.New) return;
        Reply(ticket, $"Bonjour, {char.ToLowerInvariant(answer[0])}{answer[1..]} Cordialement.", 30);
    }

    private void ECpsActivation(Card card)
    {
        var ticket = Open("Activation de l'e-CPS impossible", TicketCategory.ECpsActivation, TicketChannel.Mail, TicketState.WaitingForRequester, card.Holder, card.Structure, Opened(TicketState.WaitingForRequester));
        Incoming(ticket, TicketMessageKind.IncomingMail, card.Holder!, "Bonjour, je n'arrive pas à activer mon e-CPS : le code d'activation ne m'est jamais envoyé.");
        Reply(ticket, $"Bonjour, saisissez votre identifiant national {card.Holder!.NationalId} (8 suivi de votre numéro RPPS). Le code part vers l'adresse et le téléphone connus de votre Ordre : seul l'Ordre peut les mettre à jour, comptez jusqu'à 48 h. Pouvez-vous vérifier vos coordonnées ? Cordialement.", 50);
    }

    private void RppsDirectory(Card card)
    {
        var ticket = Open("Annuaire RPPS inaccessible (Bad Gateway)", TicketCategory.Other, TicketChannel.Phone, TicketState.Closed, card.Holder, card.Structure, Opened(TicketState.Closed));
        Incoming(ticket, TicketMessageKind.PhoneNote, card.Holder!, $"{card.Holder!.FullName} obtient « Bad Gateway » en interrogeant l'annuaire RPPS après la saisie de son code porteur.");
        Reply(ticket, "Bonjour, l'annuaire RPPS a été momentanément indisponible ; merci de réessayer plus tard. Votre carte n'est pas en cause. Cordialement.", 5);
    }

    private void Departure(Card card)
    {
        var opposition = card.Events[^1];
        var head = card.Structure!.LegalRepresentative!;
        var openedAt = opposition.At.AddMinutes(-rng.Next(20, 90));
        var ticket = Open($"Révocation de la carte d'un agent parti : {card.Holder!.FullName}", TicketCategory.Loss,
            card.Structure.Kind == StructureKind.LiberalPractice ? TicketChannel.Tops : TicketChannel.Tom,
            openedAt > calendar.Now.AddDays(-7) ? TicketState.Resolved : TicketState.Closed, card.Holder, card.Structure, openedAt);
        Incoming(ticket, TicketMessageKind.IncomingMail, head, $"{card.Holder.FullName} a quitté la structure : merci de révoquer sa {Label(card)} n° {card.SerialNumber}.");
        Note(ticket, $"Carte {card.SerialNumber} mise en opposition à la demande du responsable de structure.", 20);
    }

    /// <summary>Liberal practice heads declare their employees' incidents on TOPS.</summary>
    private void LiberalEmployeeIncident(Card card)
    {
        var head = card.Structure!.LegalRepresentative!;
        var state = rng.Chance(0.5) ? TicketState.New : TicketState.InProgress;
        var ticket = Open($"Carte CPE illisible : {card.Holder!.FullName} (déclaration TOPS)", TicketCategory.Malfunction, TicketChannel.Tops, state, card.Holder, card.Structure, Opened(state));
        Incoming(ticket, TicketMessageKind.IncomingMail, head,
            $"Déclaration d'incident TOPS : la carte CPE n° {card.SerialNumber} de {card.Holder.FullName}, {card.Holder.Profession?.ToLowerInvariant()} du cabinet, n'est plus lue par le lecteur (dysfonctionnement).");
        if (state == TicketState.InProgress)
            Note(ticket, "Contrôle DiagCPS demandé avant opposition pour dysfonctionnement et commande d'une carte de remplacement.", 35);
    }

    private void ExpiringSoon(Card card)
    {
        var state = rng.Chance(0.5) ? TicketState.InProgress : TicketState.Resolved;
        var ticket = Open($"{Label(card, capital: true)} expirant le {card.ValidUntil?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} : renouvellement ?", TicketCategory.CardOrder,
            TicketChannel.Mail, state, card.Holder, card.Structure, Opened(state));
        Incoming(ticket, TicketMessageKind.IncomingMail, card.Holder!, $"Bonjour, ma carte n° {card.SerialNumber} expire bientôt. Dois-je faire une demande ?");
        if (state == TicketState.Resolved)
            Reply(ticket, "Bonjour, le renouvellement est automatique : la nouvelle carte vous est envoyée avant la fin de validité de l'actuelle, ses codes un jour après. Cordialement.", 120);
    }

    private void TestCardOrder(Card card)
    {
        var head = card.Structure!.LegalRepresentative!;
        var ticket = Open("Commande de cartes de test (F414)", TicketCategory.CardOrder, TicketChannel.Mail, TicketState.WaitingForProduction,
            head, card.Structure, OfficeTimeAfter(card.Events[0].At, 60, 6 * 60));
        Incoming(ticket, TicketMessageKind.IncomingMail, head, $"Bonjour, voici notre formulaire F414 pour une carte de test ({card.Holder!.Profession}). Merci.");
        Reply(ticket, $"Bonjour, la carte de test n° {card.SerialNumber} est {(card.Status == CardStatus.Ordered ? "commandée" : "en fabrication")}. Cordialement.", 90);
    }

    private void TestCardPin(Card card)
    {
        var head = card.Structure!.LegalRepresentative!;
        var ticket = Open("Code porteur d'une carte de test", TicketCategory.CardOrder, TicketChannel.Mail, TicketState.Closed, head, card.Structure, Opened(TicketState.Closed));
        Incoming(ticket, TicketMessageKind.IncomingMail, head, $"Bonjour, quel est le code porteur de la carte de test n° {card.SerialNumber} ?");
        Reply(ticket, "Bonjour, le code porteur de toutes les cartes de test est 1234. Cordialement.", 30);
    }

    private void DeliveryAddressChange(DemoSite site)
    {
        var state = rng.Pick<TicketState>([(TicketState.New, 1), (TicketState.InProgress, 1), (TicketState.Resolved, 1)]);
        var ticket = Open("Changement d'adresse de livraison des cartes (F504)", TicketCategory.DeliveryAddressChange, TicketChannel.Mail, state, site.Head, site.Structure, Opened(state));
        Incoming(ticket, TicketMessageKind.IncomingMail, site.Head, $"Bonjour, veuillez trouver ci-joint le formulaire F504 : nos cartes sont à livrer désormais à l'adresse suivante : {site.Structure.DeliveryAddress}.");
        if (state == TicketState.Resolved)
            Reply(ticket, "Bonjour, la nouvelle adresse de livraison est enregistrée ; elle vaut pour les prochaines cartes de la structure. Cordialement.", 180);
    }

    private void MandataryDesignation(Mandate mandate)
    {
        var structure = mandate.Structure!;
        var head = structure.LegalRepresentative!;
        var ticket = Open($"Désignation d'un mandataire (F502) : {mandate.Person!.FullName}", TicketCategory.Mandataries, TicketChannel.Mail, TicketState.Closed,
            mandate.Person, structure, OfficeTime(mandate.StartsOn.AddDays(-rng.Next(3, 10))));
        Incoming(ticket, TicketMessageKind.IncomingMail, head, $"Bonjour, je désigne {mandate.Person.FullName} comme mandataire de la structure {structure.Name} à compter du {mandate.StartsOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} (F502 ci-joint).");
        Reply(ticket, $"Bonjour, {mandate.Person.FullName} est enregistré(e) comme mandataire à compter du {mandate.StartsOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}. Cordialement.", 240);
    }

    private void MissingMembershipContract(DemoSite site)
    {
        var ticket = Open("Commande de CPA : contrat d'adhésion manquant", TicketCategory.CardOrder, TicketChannel.Mail, TicketState.WaitingForRequester, site.Head, site.Structure, Opened(TicketState.WaitingForRequester));
        Incoming(ticket, TicketMessageKind.IncomingMail, site.Head, "Bonjour, nous souhaitons commander des cartes CPA pour trois collaborateurs (F301 ci-joint).");
        Reply(ticket, "Bonjour, la commande de CPA suppose une CDA du représentant légal et un contrat d'adhésion signé : pouvez-vous nous retourner le contrat ? Cordialement.", 90);
    }

    private Ticket Open(string subject, TicketCategory category, TicketChannel channel, TicketState state, Person? person, Structure? structure, DateTimeOffset openedAt)
    {
        var ticket = new Ticket
        {
            Number = "",
            Subject = subject,
            Category = category,
            Channel = channel,
            State = state,
            Person = person,
            PersonId = person?.Id,
            Structure = structure,
            StructureId = structure?.Id,
            AssigneeId = state == TicketState.New ? null : rng.Chance(0.75) ? desk.AgentId : desk.SupervisorId,
            CreatedAt = Past(openedAt),
            LastActivityAt = Past(openedAt),
        };
        // Due dates as the ticket service would have set them, so the queue shows its colours.
        var (firstResponse, resolution) = SlaPolicy.Default.For(category);
        var calendar = Calendar.BusinessCalendar.Default;
        ticket.FirstResponseDueAt = calendar.AddBusinessTime(ticket.CreatedAt, firstResponse).ToUniversalTime();
        if (state == TicketState.WaitingForRequester) ticket.ResolutionRemaining = resolution / 2;
        else if (state is TicketState.Resolved or TicketState.Closed) ticket.ResolvedAt = calendar.AddBusinessTime(ticket.CreatedAt, resolution / 2).ToUniversalTime();
        else ticket.ResolutionDueAt = calendar.AddBusinessTime(ticket.CreatedAt, resolution).ToUniversalTime();
        if (state == TicketState.Closed) ticket.ClosedAt = ticket.ResolvedAt;
        Tickets.Add(ticket);
        return ticket;
    }

    private void Incoming(Ticket ticket, TicketMessageKind kind, Person from, string body)
    {
        var mail = kind == TicketMessageKind.IncomingMail;
        Add(ticket, new TicketMessage
        {
            Kind = kind,
            Body = body,
            // A phone note is written by the agent who took the call.
            AuthorName = mail ? from.FullName : DeskName(ticket),
            AuthorUserId = mail ? null : ticket.AssigneeId ?? desk.AgentId,
            MessageId = mail ? $"<demo.{++_mailSequence:D5}@{from.Email?.Split('@')[1] ?? "cpssupport.test"}>" : null,
        }, 0);
    }

    private void Reply(Ticket ticket, string body, int minutesLater) =>
        Add(ticket, new TicketMessage { Kind = TicketMessageKind.PublicReply, Body = body, AuthorName = DeskName(ticket), AuthorUserId = ticket.AssigneeId ?? desk.AgentId }, minutesLater);

    private void Note(Ticket ticket, string body, int minutesLater) =>
        Add(ticket, new TicketMessage { Kind = TicketMessageKind.InternalNote, Body = body, AuthorName = DeskName(ticket), AuthorUserId = ticket.AssigneeId ?? desk.AgentId }, minutesLater);

    private void Add(Ticket ticket, TicketMessage message, int minutesLater)
    {
        var previous = ticket.Messages.Count == 0 ? ticket.CreatedAt : ticket.Messages[^1].CreatedAt;
        var at = previous.AddMinutes(minutesLater + (ticket.Messages.Count == 0 ? 0 : rng.Next(1, 30)));
        // A reply due later than now came sooner.
        message.TicketId = ticket.Id;
        message.CreatedAt = at < calendar.Now || ticket.Messages.Count == 0 ? at : previous + (calendar.Now - previous) / 2;
        ticket.Messages.Add(message);
        ticket.UpdatedAt = message.CreatedAt;
    }

    private string DeskName(Ticket ticket) => ticket.AssigneeId == desk.SupervisorId ? desk.SupervisorName : desk.AgentName;

    /// <summary>Tickets are numbered by year in the order they were opened: CPS-2026-000001, CPS-2026-000002…</summary>
    private void Number()
    {
        foreach (var year in Tickets.OrderBy(t => t.CreatedAt).GroupBy(t => t.CreatedAt.Year))
        {
            var sequence = 0;
            foreach (var ticket in year) ticket.Number = $"CPS-{year.Key}-{++sequence:D6}";
        }
    }

    /// <summary>Up to <paramref name="count"/> cards not used by another ticket, drawn among those matching.</summary>
    private IEnumerable<Card> Take(int count, Func<Card, bool> match)
    {
        var picked = Shuffled(registry.Cards.Where(c => !_used.Contains(c) && match(c))).Take(count).ToList();
        _used.UnionWith(picked);
        return picked;
    }

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>When a ticket in <paramref name="state"/> was opened: today for new ones, weeks ago for closed ones.</summary>
    private DateTimeOffset Opened(TicketState state) => state switch
    {
        TicketState.New => DaysAgo(rng.Next(0, 2)),
        TicketState.InProgress => DaysAgo(rng.Next(1, 7)),
        TicketState.WaitingForRequester => DaysAgo(rng.Next(2, 11)),
        TicketState.WaitingForProduction => DaysAgo(rng.Next(3, 13)),
        TicketState.Resolved => DaysAgo(rng.Next(2, 21)),
        _ => DaysAgo(rng.Next(15, 121)),
    };

    private DateTimeOffset DaysAgo(int days) => OfficeTime(calendar.Today.AddDays(-days));

    /// <summary>A moment of the desk's office hours (8:00–18:00, Paris, weekdays) on or before <paramref name="day"/>, before now.</summary>
    private DateTimeOffset OfficeTime(DateOnly day)
    {
        day = DemoCalendar.OnOrBefore(day);
        var at = DemoCalendar.At(day, rng.Next(8, 18), rng.Next(60));
        if (at < calendar.Now) return at;
        var opening = DemoCalendar.At(day, 8, 0);
        return opening < calendar.Now ? Between(opening, calendar.Now) : OfficeTime(day.AddDays(-1));
    }

    /// <summary>
    /// A moment <paramref name="minMinutes"/> to <paramref name="maxMinutes"/> after <paramref name="anchor"/>, moved into
    /// office hours; between the anchor and now when that would be later than now.
    /// </summary>
    private DateTimeOffset OfficeTimeAfter(DateTimeOffset anchor, int minMinutes, int maxMinutes)
    {
        var at = anchor.AddMinutes(rng.Next(minMinutes, maxMinutes));
        var local = DemoCalendar.ParisTime(at);
        var day = DateOnly.FromDateTime(local);
        if (!DemoCalendar.IsBusinessDay(day) || local.Hour >= 18) at = DemoCalendar.At(DemoCalendar.AddBusinessDays(day, 1), rng.Next(8, 10), rng.Next(60));
        else if (local.Hour < 8) at = DemoCalendar.At(day, 8, rng.Next(60));
        return at < calendar.Now ? at : Between(anchor, calendar.Now);
    }

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to)
    {
        var at = from + (to - from) * rng.NextDouble();
        return new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    private DateTimeOffset Past(DateTimeOffset at) => at < calendar.Now ? at : calendar.Now.AddMinutes(-1);

    private static DateTimeOffset LastEventAt(Card card) => card.Events[^1].At;

    private static string Date(DateTimeOffset at) => DemoCalendar.ParisTime(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Label(Card card, bool capital = false)
    {
        var label = card.Type == CardType.Test ? "carte de test" : $"carte {card.Type.ToString().ToUpperInvariant()}";
        return capital ? char.ToUpperInvariant(label[0]) + label[1..] : label;
    }
}
