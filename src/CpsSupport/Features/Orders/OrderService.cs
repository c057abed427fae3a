using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CpsSupport.Data;
using CpsSupport.Features.Access;
using CpsSupport.Features.Calendar;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Paging;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Requests.Rules;
using CpsSupport.Features.Structures;
using CpsSupport.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace CpsSupport.Features.Orders;

/// <summary>
/// Card orders (F101, F201, F301, F414) on the one request workflow: filing (judged by <see cref="RequestRules.CheckOrder"/>,
/// every line or nothing), the desk's validation (bulk, re-judged on the registry as it is then), and the production of
/// each card line — made, shipped, codes sent, active — with the card joining the registry when it is made. Pieces and
/// rejection go through <see cref="RequestService"/>; a line's status follows its order's until the order is validated.
/// Production here is simulated (no link with the card factory): the job moves each line on the business day the ANS
/// delays promise, and an agent may move it at once for a demonstration.
/// </summary>
public sealed class OrderService(IDbContextFactory<CpsDbContext> dbFactory, TimeProvider clock, ICurrentActor actor, BusinessCalendar calendar)
{
    /// <summary>Cards a holder already has: in circulation or on their way.</summary>
    private static readonly CardStatus[] Existing = [CardStatus.Ordered, CardStatus.InProduction, CardStatus.Shipped, CardStatus.CodesSent, CardStatus.Active, CardStatus.Blocked];

    private static readonly OrderLineStatus[] Pending = [OrderLineStatus.Submitted, OrderLineStatus.MissingPieces, OrderLineStatus.Validated];

    /// <summary>Label of the simulated production steps on the card and request timelines.</summary>
    public const string SimulationLabel = "[Production simulée]";

    /// <summary>Shipping leaves two business days for the post before the promised day (simulation).</summary>
    private const int ShippedAfterBusinessDays = CardDelays.CardBusinessDays - 2;

    /// <summary>Judges an order without saving it: every rule of the order and of each line, in French.</summary>
    /// <exception cref="RequestNotFoundException">The structure does not exist or is outside the caller's scope.</exception>
    public async Task<OrderCheck> CheckAsync(AccessScope scope, NewOrder order, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (channel, declarant) = await RequestSteps.DeclarantAsync(db, scope, order.Channel, order.DeclarantPersonId, ct);
        if (!await db.Structures.VisibleTo(scope).AnyAsync(s => s.Id == order.StructureId, ct)) throw new RequestNotFoundException("Structure introuvable.");
        var hasId = order.IdDocumentAttachmentId is not null && await RequestSteps.HasIdDocumentAsync(db, scope, order.IdDocumentAttachmentId, order.TicketId, ct);
        var capacity = await CapacityAsync(db, scope, order, declarant, ct);
        var (report, _) = await JudgeAsync(db, order with { Channel = channel, DeclarantPersonId = declarant, Capacity = capacity }, hasId, null, ct);
        return ToCheck(report, order.Lines);
    }

    /// <summary>
    /// Files an order: one request "Soumise" (or "Pièces manquantes" by mail without the identity document) with one line
    /// per card, in one transaction; a rule refusing the order or any line saves nothing. The same order filed twice
    /// while the first is open returns the first.
    /// </summary>
    /// <exception cref="RequestRefusedException">A rule refuses the order or a line; the message names the line.</exception>
    /// <exception cref="RequestNotFoundException">The structure or ticket is outside the caller's scope.</exception>
    public async Task<OrderOutcome> FileAsync(AccessScope scope, NewOrder order, CancellationToken ct = default)
    {
        if (!OrderCatalog.IsOrder(order.Form)) throw new RequestException($"Le formulaire {order.Form} n'est pas une commande de cartes.");
        if (order.Comment?.Length > 1000) throw new RequestException("Le commentaire est limité à 1 000 caractères.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var (channel, declarant) = await RequestSteps.DeclarantAsync(db, scope, order.Channel, order.DeclarantPersonId, ct);
        if (!await db.Structures.VisibleTo(scope).AnyAsync(s => s.Id == order.StructureId, ct)) throw new RequestNotFoundException("Structure introuvable.");
        // One filing at a time per structure: two imports of the same file cannot both pass the duplicate checks.
        await db.LockAsync<Structure>(order.StructureId, ct);
        order = order with { Channel = channel, DeclarantPersonId = declarant, Capacity = await CapacityAsync(db, scope, order, declarant, ct) };

        var key = DeduplicationKey(order);
        if (await RequestSteps.FindDuplicateAsync(db, key, now, ct) is { } duplicate)
            return await OutcomeAsync(db, duplicate.Id, alreadyFiled: true, ct);

        var hasId = await RequestSteps.HasIdDocumentAsync(db, scope, order.IdDocumentAttachmentId, order.TicketId, ct);
        var (report, facts) = await JudgeAsync(db, order, hasId, null, ct);
        report.ThrowIfRefused();

        var label = $"{RequestLabels.Form(order.Form)} — {order.Lines.Count} carte(s) {CardLabels.Type(report.CardType)} pour {facts.Structure.Name}";
        var request = await RequestSteps.NewAsync(db, scope, order.Form, report.CardType.ToString(), channel, order.Capacity, declarant, order.DeclarantName, now, actor, label, ct);
        request.StructureId = order.StructureId;
        request.DeduplicationKey = key;
        request.Details = JsonSerializer.Serialize(new OrderDetails(facts.DeliveryAddress!, RequestSteps.Clean(order.Comment), order.IdDocumentAttachmentId), RequestSteps.Json);
        db.Requests.Add(request);
        var position = 0;
        foreach (var line in order.Lines)
        {
            var id = OrderCatalog.ParseIdentifier(line.Identifier);
            var testCard = order.Form == FormCode.F414 ? OrderCatalog.TestCard(line.Profession) : null;
            db.OrderLines.Add(new OrderLine
            {
                RequestId = request.Id, Position = ++position, CardType = report.CardType, Status = OrderLineStatus.Submitted,
                LastName = Clean(line.LastName) ?? (testCard is null ? "" : "TEST"),
                FirstName = Clean(line.FirstName) ?? (testCard is null ? "" : testCard),
                NationalIdKind = id.Kind, NationalId = id.NationalId,
                Profession = testCard ?? OrderCatalog.MedicalAuxiliary(line.Profession) ?? Clean(line.Profession)!,
                Email = Clean(line.Email),
            });
        }
        if (order.TicketId is { } ticketId) await RequestSteps.LinkTicketAsync(db, scope, request, ticketId, label, now, actor, ct);
        if (report.MissingPieces.Count > 0)
            RequestWorkflow.Move(request, RequestStatus.MissingPieces, now, actor, missingPieces: report.MissingPieces);
        else
            request.CompleteFileReceivedOn = ParisClock.DateOf(now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await OutcomeAsync(db, request.Id, alreadyFiled: false, ct);
    }

    /// <summary>The orders the caller may see: the desk's queue, or a structure's orders; newest first unless sorted.</summary>
    public async Task<PagedResult<OrderRow>> SearchAsync(AccessScope scope, OrderQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var forms = OrderCatalog.OrderForms;
        var orders = db.Requests.AsNoTracking().VisibleTo(scope).Where(r => forms.Contains(r.Form));
        if (query.Form is { } form) orders = orders.Where(r => r.Form == form);
        if (query.StructureId is { } structureId) orders = orders.Where(r => r.StructureId == structureId);
        if (query.Status is { } status) orders = orders.Where(r => r.Status == status);
        if (query.OpenOnly) orders = orders.Where(r => r.Status != RequestStatus.Completed && r.Status != RequestStatus.Rejected);
        if (SearchText.Normalize(query.Search) is { } text)
        {
            var pattern = SearchText.LikePattern(text);
            orders = orders.Where(r => EF.Functions.ILike(r.Number, pattern) || EF.Functions.ILike(r.Structure!.Name, pattern)
                || db.OrderLines.Any(l => l.RequestId == r.Id && (EF.Functions.ILike(l.LastName, pattern) || l.NationalId == text)));
        }
        var total = await orders.CountAsync(ct);
        var sorted = page.SortBy switch
        {
            // The validation queue: oldest first, the desk serves the first filed.
            "CreatedAt" => page.Descending ? orders.OrderByDescending(r => r.CreatedAt) : orders.OrderBy(r => r.CreatedAt),
            "Number" => page.Descending ? orders.OrderByDescending(r => r.Number) : orders.OrderBy(r => r.Number),
            "Status" => page.Descending ? orders.OrderByDescending(r => r.Status) : orders.OrderBy(r => r.Status),
            _ => orders.OrderByDescending(r => r.CreatedAt),
        };
        var items = await sorted.Skip(page.Skip).Take(page.Take)
            .Select(r => new OrderRow(r.Id, r.Number, r.Form, r.Status, r.Channel, r.StructureId, r.Structure != null ? r.Structure.Name : null,
                r.DeclarantPerson != null ? r.DeclarantPerson.FirstName + " " + r.DeclarantPerson.LastName.ToUpper() : r.DeclarantName,
                db.OrderLines.Count(l => l.RequestId == r.Id), db.OrderLines.Count(l => l.RequestId == r.Id && l.Status == OrderLineStatus.Active),
                r.MissingPieces, r.TicketId, r.Ticket != null ? r.Ticket.Number : null, r.CreatedAt))
            .ToListAsync(ct);
        return new PagedResult<OrderRow>(items, total);
    }

    /// <summary>An order with its card lines and their timelines, or null when absent, not an order, or outside the caller's scope.</summary>
    public async Task<OrderDetail?> GetAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var forms = OrderCatalog.OrderForms;
        var r = await db.Requests.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id && forms.Contains(x.Form))
            .Select(x => new
            {
                Request = x,
                StructureName = x.Structure != null ? x.Structure.Name : null,
                DeclarantName = x.DeclarantPerson != null ? x.DeclarantPerson.FirstName + " " + x.DeclarantPerson.LastName.ToUpper() : x.DeclarantName,
                TicketNumber = x.Ticket != null ? x.Ticket.Number : null,
            }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var request = r.Request;
        var lines = await db.OrderLines.AsNoTracking().Where(l => l.RequestId == id).OrderBy(l => l.Position)
            .Select(l => new { Line = l, Serial = l.Card != null ? l.Card.SerialNumber : null }).ToListAsync(ct);
        var timeline = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new RequestEventDto(e.At, e.Kind, e.Actor, e.FromStatus, e.ToStatus, e.Text, e.RelatedId)).ToListAsync(ct);
        var details = JsonSerializer.Deserialize<OrderDetails>(request.Details, RequestSteps.Json) ?? new OrderDetails(new Address(), null, null);
        return new OrderDetail(request.Id, request.Number, request.Form, request.Status, request.Channel, request.StructureId, r.StructureName, r.DeclarantName,
            details.DeliveryAddress, details.Comment, request.CompleteFileReceivedOn, request.MissingPieces, request.RejectionReason,
            request.TicketId, r.TicketNumber, request.CreatedAt, request.Version,
            lines.Select(x => ToDto(x.Line, x.Serial, request)).ToList(), timeline);
    }

    /// <summary>
    /// Validates orders in bulk (desk only). Each order is its own transaction under its row lock, judged again on the
    /// registry as it is now: a line whose holder got a card meanwhile is rejected alone, an order refused as a whole is
    /// rejected with the rule's reason. Validated lines get their promised dates (complete file + 10 business days, codes
    /// one business day later). An order already validated is left as it is.
    /// </summary>
    public async Task<BulkValidation> ValidateAsync(AccessScope scope, IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        RequireDesk(scope);
        var validated = new List<string>();
        var failed = new List<string>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                var number = await ValidateOneAsync(scope, id, ct);
                if (number is not null) validated.Add(number);
            }
            catch (RequestException e)
            {
                failed.Add(e.Message);
            }
        }
        return new BulkValidation(validated, failed);
    }

    /// <summary>
    /// Moves every line of an order one production step at once (desk only, simulated production for demonstrations):
    /// validated → made (the card joins the registry) → shipped → codes sent → active.
    /// </summary>
    public async Task<int> AdvanceAsync(AccessScope scope, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var forms = OrderCatalog.OrderForms;
        if (!await db.Requests.VisibleTo(scope).AnyAsync(r => r.Id == id && forms.Contains(r.Form), ct)) throw new RequestNotFoundException();
        RequireDesk(scope);
        await db.LockAsync<SupportRequest>(id, ct);
        var request = await db.Requests.SingleAsync(r => r.Id == id, ct);
        if (request.Status is not (RequestStatus.Validated or RequestStatus.InProgress))
            throw new RequestException($"La commande {request.Number} est « {RequestLabels.Status(request.Status)} » : seules les commandes validées sont en production.");
        var moved = await ProduceAsync(db, request, clock.GetUtcNow(), force: true, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return moved;
    }

    /// <summary>
    /// The production job's run (simulated): every line of a validated order moves on when its day has come — made the
    /// day of validation, shipped two business days before the promised day, codes sent on the promised day, active the
    /// day the codes are expected. One transaction per order under its row lock: a second run does nothing more.
    /// </summary>
    public async Task<ProductionRun> RunProductionAsync(CancellationToken ct = default)
    {
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var forms = OrderCatalog.OrderForms;
            ids = await db.Requests.AsNoTracking()
                .Where(r => forms.Contains(r.Form) && (r.Status == RequestStatus.Validated || r.Status == RequestStatus.InProgress))
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        }
        int lines = 0, completed = 0;
        foreach (var id in ids)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.LockAsync<SupportRequest>(id, ct);
            var request = await db.Requests.SingleAsync(r => r.Id == id, ct);
            if (request.Status is not (RequestStatus.Validated or RequestStatus.InProgress)) continue;
            var moved = await ProduceAsync(db, request, clock.GetUtcNow(), force: false, ct);
            if (moved == 0) continue;
            if (request.Status == RequestStatus.Completed) completed++;
            lines += moved;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return new ProductionRun(lines, completed);
    }

    /// <summary>
    /// The status a line shows: its order's while the order is not validated (submitted, waiting for pieces, rejected), its
    /// own from validation on.
    /// </summary>
    public static OrderLineStatus Effective(OrderLineStatus line, RequestStatus request) => request switch
    {
        _ when line is OrderLineStatus.Rejected or OrderLineStatus.Active => line,
        RequestStatus.Draft or RequestStatus.Submitted => OrderLineStatus.Submitted,
        RequestStatus.MissingPieces => OrderLineStatus.MissingPieces,
        RequestStatus.Rejected => line >= OrderLineStatus.InProduction ? line : OrderLineStatus.Rejected,
        _ => line < OrderLineStatus.Validated ? OrderLineStatus.Validated : line,
    };

    private async Task<string?> ValidateOneAsync(AccessScope scope, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var forms = OrderCatalog.OrderForms;
        if (!await db.Requests.AnyAsync(r => r.Id == id && forms.Contains(r.Form), ct)) throw new RequestNotFoundException();
        await db.LockAsync<SupportRequest>(id, ct);
        var request = await db.Requests.SingleAsync(r => r.Id == id, ct);
        if (request.Status is RequestStatus.Validated or RequestStatus.InProgress or RequestStatus.Completed) return null;
        if (request.Status != RequestStatus.Submitted)
            throw new RequestException($"{request.Number} : une commande « {RequestLabels.Status(request.Status)} » ne peut pas être validée.");
        var now = clock.GetUtcNow();
        var today = ParisClock.DateOf(now);
        var lines = await db.OrderLines.Where(l => l.RequestId == id).OrderBy(l => l.Position).ToListAsync(ct);
        var details = JsonSerializer.Deserialize<OrderDetails>(request.Details, RequestSteps.Json)!;
        var order = new NewOrder(request.StructureId!.Value, request.Form, request.Channel, request.Capacity,
            lines.Select(l => new NewOrderLine(l.LastName, l.FirstName, l.NationalId, l.Profession, l.Email)).ToList(), details.DeliveryAddress,
            request.DeclarantPersonId, request.DeclarantName);
        var (report, _) = await JudgeAsync(db, order, hasIdDocument: true, excludeRequestId: id, ct);
        var number = request.Number;
        if (report.Results.FirstOrDefault(r => !r.Allowed) is { } refusal)
        {
            RequestWorkflow.Move(request, RequestStatus.Rejected, now, actor, reason: refusal.Explanation);
        }
        else
        {
            request.CompleteFileReceivedOn ??= today;
            var expected = CardDelays.CardExpectedOn(request.CompleteFileReceivedOn.Value, calendar);
            var codes = CardDelays.CodesExpectedOn(expected, calendar);
            foreach (var (line, lineReport) in lines.Zip(report.Lines))
            {
                if (lineReport.Allowed)
                {
                    (line.Status, line.ValidatedAt, line.ExpectedOn, line.CodesExpectedOn) = (OrderLineStatus.Validated, now, expected, codes);
                    continue;
                }
                (line.Status, line.RejectedAt, line.RejectionReason) = (OrderLineStatus.Rejected, now, string.Join(" ", lineReport.Errors));
                request.Events.Add(RequestSteps.Effect(now, actor, $"Ligne {line.Position} ({line.HolderName}) rejetée : {line.RejectionReason}", line.Id));
            }
            if (lines.All(l => l.Status == OrderLineStatus.Rejected))
            {
                RequestWorkflow.Move(request, RequestStatus.Rejected, now, actor, reason: "Aucune carte de la commande ne peut être fabriquée : voir le motif de chaque ligne.");
            }
            else
            {
                RequestWorkflow.Move(request, RequestStatus.Validated, now, actor, text: "dossier complet, règles vérifiées");
                request.Events.Add(RequestSteps.Effect(now, actor,
                    $"{lines.Count(l => l.Status == OrderLineStatus.Validated)} carte(s) en fabrication : attendues le {CardLifecycle.Day(expected)}, codes le {CardLifecycle.Day(codes)}"));
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestConflictException(number);
        }
        await tx.CommitAsync(ct);
        return request.Status == RequestStatus.Rejected ? throw new RequestException($"{request.Number} rejetée : {request.RejectionReason}") : request.Number;
    }

    /// <summary>Moves the lines of a validated order that are due (or all, when forced) one step; returns how many moved.</summary>
    private async Task<int> ProduceAsync(CpsDbContext db, SupportRequest request, DateTimeOffset now, bool force, CancellationToken ct)
    {
        var today = ParisClock.DateOf(now);
        var complete = request.CompleteFileReceivedOn ?? today;
        var lines = await db.OrderLines.Include(l => l.Card).Where(l => l.RequestId == request.Id).OrderBy(l => l.Position).ToListAsync(ct);
        var moved = 0;
        foreach (var line in lines)
        {
            var status = Effective(line.Status, request.Status);
            line.ExpectedOn ??= CardDelays.CardExpectedOn(complete, calendar);
            line.CodesExpectedOn ??= CardDelays.CodesExpectedOn(line.ExpectedOn.Value, calendar);
            switch (status)
            {
                case OrderLineStatus.Validated:
                    line.ValidatedAt ??= now;
                    await ManufactureAsync(db, request, line, now, ct);
                    break;
                case OrderLineStatus.InProduction when force || today >= calendar.AddBusinessDays(complete, ShippedAfterBusinessDays):
                    line.Status = OrderLineStatus.Shipped;
                    line.ShippedAt = now;
                    CardLifecycle.MoveTo(line.Card!, CardStatus.Shipped, now, actor, $"{SimulationLabel} Expédiée à l'adresse de livraison de la structure : attendue le {CardLifecycle.Day(line.ExpectedOn)}");
                    break;
                case OrderLineStatus.Shipped when force || today >= line.ExpectedOn:
                    line.Status = OrderLineStatus.CodesSent;
                    line.CodesSentAt = now;
                    CardLifecycle.MoveTo(line.Card!, CardStatus.CodesSent, now, actor, $"{SimulationLabel} Pli sécurisé (code porteur et code de déblocage) envoyé : attendu le {CardLifecycle.Day(line.CodesExpectedOn)}");
                    break;
                case OrderLineStatus.CodesSent when force || today >= line.CodesExpectedOn:
                    line.Status = OrderLineStatus.Active;
                    line.ActivatedAt = now;
                    line.Card!.ValidFrom = today;
                    line.Card.ValidUntil = today.AddYears(3);
                    CardLifecycle.MoveTo(line.Card, CardStatus.Active, now, actor, $"{SimulationLabel} Carte active (commande {request.Number})");
                    break;
                default:
                    continue;
            }
            moved++;
            request.Events.Add(RequestSteps.Effect(now, actor, $"{SimulationLabel} Ligne {line.Position} ({line.HolderName}) : {OrderLabels.LineStatus(line.Status)}", line.Id));
        }
        if (moved > 0 && request.Status == RequestStatus.Validated)
            RequestWorkflow.Move(request, RequestStatus.InProgress, now, actor, text: "cartes en fabrication");
        if (lines.All(l => l.Status is OrderLineStatus.Active or OrderLineStatus.Rejected) && request.Status == RequestStatus.InProgress)
            RequestWorkflow.Move(request, RequestStatus.Completed, now, actor, text: "toutes les cartes sont actives");
        return moved;
    }

    /// <summary>The card is made: its holder joins the registry (or is found there) and the card row is created "En fabrication".</summary>
    private async Task ManufactureAsync(CpsDbContext db, SupportRequest request, OrderLine line, DateTimeOffset now, CancellationToken ct)
    {
        var holder = await FindHolderAsync(db, request.StructureId!.Value, line, ct);
        if (holder is null)
        {
            holder = new Person
            {
                LastName = line.LastName, FirstName = line.FirstName, NationalIdKind = line.NationalIdKind, NationalId = line.NationalId,
                Profession = line.Profession, Email = line.Email,
            };
            db.People.Add(holder);
        }
        var card = new Card
        {
            SerialNumber = await CardLifecycle.NextSerialAsync(db, now, ct),
            Type = line.CardType, HolderId = holder.Id, StructureId = request.StructureId, Status = CardStatus.Ordered,
            OrderedByRequestId = request.Id, ExpectedOn = line.ExpectedOn, CodesExpectedOn = line.CodesExpectedOn,
        };
        CardLifecycle.MoveTo(card, CardStatus.Ordered, now, actor, $"Commandée par {request.Number} ({request.Form}, ligne {line.Position})");
        CardLifecycle.MoveTo(card, CardStatus.InProduction, now, actor, $"{SimulationLabel} Fabrication lancée : carte attendue le {CardLifecycle.Day(card.ExpectedOn)}, codes le {CardLifecycle.Day(card.CodesExpectedOn)}");
        db.Cards.Add(card);
        (line.Status, line.ManufacturedAt, line.PersonId, line.Card, line.CardId) = (OrderLineStatus.InProduction, now, holder.Id, card, card.Id);
    }

    /// <summary>The registry person of a line: by national id, else by name among the holders of the structure's cards. Test cards always get their own.</summary>
    private static async Task<Person?> FindHolderAsync(CpsDbContext db, Guid structureId, OrderLine line, CancellationToken ct)
    {
        if (line.CardType == CardType.Test) return null;
        if (line.NationalId is { } nationalId) return await db.People.SingleOrDefaultAsync(p => p.NationalId == nationalId, ct);
        var last = line.LastName.ToUpper();
        var candidates = await db.People.Where(p => p.NationalId == null && p.LastName.ToUpper() == last
                && db.Cards.Any(c => c.HolderId == p.Id && c.StructureId == structureId))
            .ToListAsync(ct);
        return candidates.FirstOrDefault(p => OrderCatalog.Fold(p.FirstName) == OrderCatalog.Fold(line.FirstName));
    }

    /// <summary>Builds the rules' facts from the registry and judges the order. <paramref name="excludeRequestId"/>: the order itself, when it is re-judged.</summary>
    private async Task<(OrderReport Report, OrderFacts Facts)> JudgeAsync(CpsDbContext db, NewOrder order, bool hasIdDocument, Guid? excludeRequestId, CancellationToken ct)
    {
        var today = ParisClock.Today(clock);
        var structure = await RequestSteps.StructureFactsAsync(db, order.StructureId, today, ct);
        var delivery = order.DeliveryAddress is { } given
            ? Normalize(given)
            : await db.Structures.AsNoTracking().Where(s => s.Id == order.StructureId).Select(s => s.DeliveryAddress).SingleAsync(ct);
        var cardType = OrderCatalog.CardTypeFor(order.Form, structure.Kind);
        var declarantHasCard = order.DeclarantPersonId is { } declarant
            && await db.Cards.AnyAsync(c => c.HolderId == declarant && c.Status == CardStatus.Active, ct);
        var hasCda = await db.Cards.AnyAsync(c => c.StructureId == order.StructureId && c.Type == CardType.Cda && c.Status == CardStatus.Active, ct);

        var parsed = order.Lines.Select(l => (Line: l, Id: OrderCatalog.ParseIdentifier(l.Identifier))).ToList();
        var nationalIds = parsed.Select(p => p.Id.NationalId).OfType<string>().Distinct().ToList();
        var byId = await db.Cards.AsNoTracking()
            .Where(c => c.Type == cardType && Existing.Contains(c.Status) && c.Holder!.NationalId != null && nationalIds.Contains(c.Holder.NationalId))
            .Select(c => new { NationalId = c.Holder!.NationalId!, c.SerialNumber }).ToListAsync(ct);
        var byName = await db.Cards.AsNoTracking()
            .Where(c => c.Type == cardType && Existing.Contains(c.Status) && c.StructureId == order.StructureId && c.Holder!.NationalId == null)
            .Select(c => new { c.Holder!.LastName, c.Holder.FirstName, c.SerialNumber }).ToListAsync(ct);
        var openLines = await db.OrderLines.AsNoTracking()
            .Where(l => l.CardType == cardType && Pending.Contains(l.Status) && l.RequestId != excludeRequestId
                && l.Request!.Status != RequestStatus.Rejected && l.Request.Status != RequestStatus.Completed
                && ((l.NationalId != null && nationalIds.Contains(l.NationalId)) || l.Request.StructureId == order.StructureId))
            .Select(l => new { l.NationalId, l.LastName, l.FirstName, l.Request!.Number }).ToListAsync(ct);

        var seen = new Dictionary<string, int>();
        var lines = new List<OrderLineFacts>();
        var position = 0;
        foreach (var (line, id) in parsed)
        {
            position++;
            var key = id.NationalId ?? $"{OrderCatalog.Fold(line.LastName)}|{OrderCatalog.Fold(line.FirstName)}";
            int? duplicateOf = null;
            if (order.Form != FormCode.F414 && key != "|")
            {
                if (seen.TryGetValue(key, out var first)) duplicateOf = first;
                else seen[key] = position;
            }
            string? existing = null;
            if (order.Form != FormCode.F414)
            {
                existing = id.NationalId is { } nid
                    ? byId.FirstOrDefault(c => c.NationalId == nid)?.SerialNumber
                      ?? openLines.Where(l => l.NationalId == nid).Select(l => $"commande {l.Number}").FirstOrDefault()
                    : byName.FirstOrDefault(c => SameName(c.LastName, c.FirstName, line))?.SerialNumber
                      ?? openLines.Where(l => l.NationalId == null && SameName(l.LastName, l.FirstName, line)).Select(l => $"commande {l.Number}").FirstOrDefault();
            }
            lines.Add(new OrderLineFacts(position, line.LastName, line.FirstName, line.Identifier, line.Profession, existing, duplicateOf));
        }
        var facts = new OrderFacts(order.Form, order.Channel, order.Capacity, order.DeclarantPersonId, structure, lines, delivery,
            declarantHasCard, hasCda, hasIdDocument);
        return (RequestRules.CheckOrder(facts), facts);
    }

    /// <summary>A portal user files as what they are for the structure: its legal representative, else its mandatary. The desk says it.</summary>
    private static async Task<RequesterCapacity> CapacityAsync(CpsDbContext db, AccessScope scope, NewOrder order, Guid? declarant, CancellationToken ct)
    {
        if (scope.IsDesk) return order.Capacity;
        var head = await db.Structures.Where(s => s.Id == order.StructureId).Select(s => s.LegalRepresentativeId).SingleOrDefaultAsync(ct);
        return head is not null && head == declarant ? RequesterCapacity.StructureHead : RequesterCapacity.Mandatary;
    }

    private static bool SameName(string lastName, string firstName, NewOrderLine line) =>
        OrderCatalog.Fold(lastName) == OrderCatalog.Fold(line.LastName) && OrderCatalog.Fold(firstName) == OrderCatalog.Fold(line.FirstName);

    internal static OrderCheck ToCheck(OrderReport report, IReadOnlyList<NewOrderLine> lines) =>
        new(report.Allowed, report.CardType, report.Results,
            report.Lines.Select(l =>
            {
                var line = lines[l.Position - 1];
                var holder = string.Join(" ", new[] { line.FirstName?.Trim(), line.LastName?.Trim().ToUpperInvariant() }.Where(s => !string.IsNullOrEmpty(s)));
                return new OrderLineCheck(l.Position, holder.Length > 0 ? holder : line.Profession?.Trim() ?? "", l.Allowed, l.Errors);
            }).ToList(),
            report.MissingPieces);

    private static OrderLineDto ToDto(OrderLine l, string? serial, SupportRequest request)
    {
        var status = Effective(l.Status, request.Status);
        var steps = new List<OrderStep> { new(OrderLineStatus.Submitted, "Soumise", request.CreatedAt, null, true) };
        if (status == OrderLineStatus.MissingPieces)
            steps.Add(new(OrderLineStatus.MissingPieces, "Pièces manquantes : " + string.Join(", ", request.MissingPieces), request.PiecesRequestedAt, null, true));
        if (status == OrderLineStatus.Rejected)
        {
            steps.Add(new(OrderLineStatus.Rejected, "Rejetée : " + (l.RejectionReason ?? request.RejectionReason), l.RejectedAt ?? request.ClosedAt, null, true));
        }
        else
        {
            var reached = status >= OrderLineStatus.Validated && status != OrderLineStatus.MissingPieces;
            steps.Add(new(OrderLineStatus.Validated, "Validée", l.ValidatedAt, null, reached));
            steps.Add(new(OrderLineStatus.InProduction, "En fabrication", l.ManufacturedAt, null, l.ManufacturedAt is not null));
            steps.Add(new(OrderLineStatus.Shipped, "Expédiée", l.ShippedAt, l.ExpectedOn, l.ShippedAt is not null));
            steps.Add(new(OrderLineStatus.CodesSent, "Codes envoyés", l.CodesSentAt, l.CodesExpectedOn, l.CodesSentAt is not null));
            steps.Add(new(OrderLineStatus.Active, "Active", l.ActivatedAt, null, l.ActivatedAt is not null));
        }
        return new OrderLineDto(l.Id, l.Position, l.CardType, l.HolderName, l.NationalId, l.Profession, status, l.ExpectedOn, l.CodesExpectedOn,
            l.CardId, serial, status == OrderLineStatus.Rejected ? l.RejectionReason ?? request.RejectionReason : null, steps);
    }

    private static async Task<OrderOutcome> OutcomeAsync(CpsDbContext db, Guid requestId, bool alreadyFiled, CancellationToken ct)
    {
        var r = await db.Requests.AsNoTracking().Where(x => x.Id == requestId).Select(x => new { x.Id, x.Number, x.Status, x.MissingPieces }).SingleAsync(ct);
        var count = await db.OrderLines.CountAsync(l => l.RequestId == requestId, ct);
        return new OrderOutcome(r.Id, r.Number, r.Status, alreadyFiled, count, r.MissingPieces);
    }

    /// <summary>Same form, structure and holders: the same order (a repeated click, the same file imported twice).</summary>
    private static string DeduplicationKey(NewOrder order)
    {
        var holders = string.Join(";", order.Lines.Select(l => $"{OrderCatalog.ParseIdentifier(l.Identifier).NationalId}|{OrderCatalog.Fold(l.LastName)}|{OrderCatalog.Fold(l.FirstName)}|{OrderCatalog.Fold(l.Profession)}"));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(holders)))[..32];
        return $"{order.Form}:{order.StructureId:N}:{hash}";
    }

    private static Address Normalize(Address a) => new()
    {
        Line1 = a.Line1?.Trim() ?? "", Line2 = RequestSteps.Clean(a.Line2), PostalCode = a.PostalCode?.Trim() ?? "", City = a.City?.Trim() ?? "",
        Country = string.IsNullOrWhiteSpace(a.Country) ? "France" : a.Country.Trim(),
    };

    private static string? Clean(string? text) => RequestSteps.Clean(text);

    private static void RequireDesk(AccessScope scope)
    {
        if (!scope.IsDesk) throw new RequestException("Cette action est réservée au support.");
    }
}
