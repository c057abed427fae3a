using System.Globalization;
using CpsSupport.Features.Documents;
using CpsSupport.Features.Documents.Models;
using CpsSupport.Features.People;
using CpsSupport.Features.Requests;
using CpsSupport.Features.Tickets;
using FormCapacity = CpsSupport.Features.Documents.Models.DeclarantCapacity;

namespace CpsSupport.Features.Structures;

/// <summary>A person of the registry a structure form may name: an active card holder of the structure.</summary>
public sealed record RosterPerson(Guid Id, string Name, string? NationalId);

/// <summary>
/// The structure as the registry knows it when a filled F502, F503 or F504 is read: its legal representative and mandates
/// (<see cref="StructureDetail"/>), the holders of an active card of the structure (who may be designated) and its
/// technical administrators (who may be removed).
/// </summary>
public sealed record StructureRoster(StructureDetail Structure, IReadOnlyList<RosterPerson> ActiveCardHolders, IReadOnlyList<TechnicalAdministratorDto> Administrators);

/// <summary>
/// One line of a filled F502 (mandataries) or F503 (technical administrators): what the form asks for whom, and the person
/// of the registry it names. <paramref name="PersonId"/> null: the line names nobody the registry can act on, and
/// <paramref name="Message"/> says why in French; with a person, <paramref name="Message"/> is a warning for the agent.
/// </summary>
/// <param name="Number">The line on the form, from 1.</param>
/// <param name="Add">Designate (F502) or add (F503); false: remove.</param>
/// <param name="Name">The person as written on the form ("Amélie LEFÈVRE").</param>
/// <param name="Included">Proposed for filing: the line names someone and asks a change.</param>
public sealed record StructureFormDraftLine(int Number, bool Add, string Name, string? NationalId, Guid? PersonId, string? PersonName, string? Message, bool Included);

/// <summary>
/// A filled F502, F503 or F504 turned into what <see cref="StructureRequestService"/> files: the declarant (capacity and
/// person of the registry), the lines with the people they name, or the new delivery address. Everything the registry
/// cannot match is kept with a French message for the agent, who corrects it before filing.
/// </summary>
/// <param name="DeclarantCapacity">Legal representative (<see cref="RequesterCapacity.StructureHead"/>), mandatary, or holder (refused by the rules).</param>
/// <param name="DeclarantPersonId">The legal representative or mandatary the form's declarant is, null when none matches.</param>
/// <param name="DeclarantName">The registry's name of that person, or the name written on the form.</param>
/// <param name="Recipient">F504: the recipient line of the new address ("Service du personnel"), kept at the head of <see cref="Address.Line2"/>.</param>
public sealed record StructureFormDraft(
    FormCode Form,
    RequesterCapacity DeclarantCapacity,
    Guid? DeclarantPersonId,
    string? DeclarantName,
    string? DeclarantMessage,
    IReadOnlyList<StructureFormDraftLine> Lines,
    Address? NewAddress,
    string? Recipient)
{
    /// <summary>The forms a draft is made from.</summary>
    public static readonly IReadOnlyList<FormCode> Forms = [FormCode.F502, FormCode.F503, FormCode.F504];

    /// <summary>Every French message of the draft, declarant first, then line by line.</summary>
    public IReadOnlyList<string> Messages =>
        new[] { DeclarantMessage }.Concat(Lines.Select(l => l.Message)).OfType<string>().ToList();

    /// <summary>
    /// Maps a filled F502, F503 or F504 onto the structure: the declarant among the legal representative and the running
    /// mandataries (F502: always the legal representative), each line to a person (designated or added: an active card
    /// holder of the structure, by national identifier when the form gives one, else by name; removed: a running mandatary
    /// or technical administrator, by name), the F504 address. Names compare without accents, case or hyphens.
    /// </summary>
    /// <exception cref="ArgumentException">The reading is not an F502, F503 or F504.</exception>
    public static StructureFormDraft From(FilledFormReading reading, StructureRoster roster)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(roster);
        if (reading.Form is not ({ } form and (FormCode.F502 or FormCode.F503 or FormCode.F504)))
            throw new ArgumentException($"Le formulaire {reading.Form?.ToString() ?? "inconnu"} n'est pas un formulaire de structure (F502, F503, F504).", nameof(reading));

        var (capacity, declarantId, declarantName, declarantMessage) = Declarant(form, reading, roster.Structure);
        var lines = form switch
        {
            FormCode.F502 => LinesOf(reading, "mandataries", roster, administrators: false),
            FormCode.F503 => LinesOf(reading, "administrators", roster, administrators: true),
            _ => [],
        };
        var (address, recipient) = form == FormCode.F504 ? NewAddressOf(reading) : (null, null);
        return new StructureFormDraft(form, capacity, declarantId, declarantName, declarantMessage, lines, address, recipient);
    }

    private static (RequesterCapacity, Guid?, string?, string?) Declarant(FormCode form, FilledFormReading reading, StructureDetail s)
    {
        if (form == FormCode.F502)
        {
            // Only the legal representative files an F502: the form names them in its own block.
            var written = FullName(reading, "legalRepresentative");
            if (s.LegalRepresentativeId is not { } head)
                return (RequesterCapacity.StructureHead, null, written, $"« {s.Name} » n'a pas de représentant légal connu du registre : seul lui peut déposer un F502.");
            var warning = written is not null && !PersonNames.Same(written, s.LegalRepresentativeName)
                ? $"Le représentant légal indiqué sur le formulaire ({written}) n'est pas celui du registre ({s.LegalRepresentativeName}) : vérifiez la signature."
                : null;
            return (RequesterCapacity.StructureHead, head, s.LegalRepresentativeName, warning);
        }

        var name = FullName(reading, "declarant");
        var stated = Enum.TryParse<FormCapacity>(reading.ValueOf("declarantCapacity"), ignoreCase: true, out var c) ? (FormCapacity?)c : null;
        var isHead = name is not null && s.LegalRepresentativeId is not null && PersonNames.Same(name, s.LegalRepresentativeName);
        var mandates = name is null ? [] : s.Mandates.Where(m => m.IsActive && PersonNames.Same(name, m.PersonName)).DistinctBy(m => m.PersonId).ToList();

        if (stated == FormCapacity.Holder)
            return (RequesterCapacity.Holder, null, name, $"Le déclarant se dit porteur : le formulaire {form} est réservé au représentant légal ou à un mandataire de « {s.Name} ».");
        if (name is null)
            return (CapacityOf(stated) ?? RequesterCapacity.StructureHead, null, null, "Le formulaire ne nomme pas le déclarant : choisissez-le.");
        if (isHead && stated != FormCapacity.Mandatary)
            return (RequesterCapacity.StructureHead, s.LegalRepresentativeId, s.LegalRepresentativeName, null);
        if (mandates is [var mandate] && stated != FormCapacity.LegalRepresentative)
            return (RequesterCapacity.Mandatary, mandate.PersonId, mandate.PersonName, null);
        if (mandates.Count > 1)
            return (RequesterCapacity.Mandatary, null, name, $"Plusieurs mandataires de « {s.Name} » s'appellent {name} : choisissez le déclarant.");
        var message = stated switch
        {
            FormCapacity.LegalRepresentative when mandates.Count == 1 =>
                $"Le déclarant {name} se dit représentant légal mais est mandataire de « {s.Name} » : vérifiez sa qualité.",
            FormCapacity.Mandatary when isHead =>
                $"Le déclarant {name} se dit mandataire mais est le représentant légal de « {s.Name} » : vérifiez sa qualité.",
            FormCapacity.LegalRepresentative => $"Le déclarant {name} n'est pas le représentant légal de « {s.Name} » selon le registre.",
            FormCapacity.Mandatary => $"Le déclarant {name} n'est pas mandataire en cours de « {s.Name} ».",
            _ => $"Le déclarant {name} n'est ni le représentant légal ni un mandataire en cours de « {s.Name} ».",
        };
        return (CapacityOf(stated) ?? RequesterCapacity.StructureHead, null, name, message);
    }

    private static RequesterCapacity? CapacityOf(FormCapacity? capacity) => capacity switch
    {
        FormCapacity.LegalRepresentative => RequesterCapacity.StructureHead,
        FormCapacity.Mandatary => RequesterCapacity.Mandatary,
        FormCapacity.Holder => RequesterCapacity.Holder,
        _ => null,
    };

    private static List<StructureFormDraftLine> LinesOf(FilledFormReading reading, string list, StructureRoster roster, bool administrators)
    {
        var s = roster.Structure;
        var indexes = reading.Fields
            .Select(f => f.Key?.Split('.') is [var head, var index, _] && head == list && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i >= 0).Distinct().Order();
        var running = administrators
            ? roster.Administrators.Where(a => a.IsActive).Select(a => (a.PersonId, a.PersonName)).ToList()
            : s.Mandates.Where(m => m.IsActive).Select(m => (m.PersonId, m.PersonName)).ToList();
        var role = administrators ? "administrateur technique" : "mandataire";

        var lines = new List<StructureFormDraftLine>();
        foreach (var i in indexes)
        {
            var number = i + 1;
            var prefix = $"Ligne {number} : ";
            string? Value(string field) => reading.Fields.FirstOrDefault(f => f.Key == $"{list}.{i}.{field}") is { IsValid: true } f && !string.IsNullOrWhiteSpace(f.Value) ? f.Value.Trim() : null;
            var name = FullName(Value("firstName"), Value("lastName"));
            var nationalId = Value("nationalId");
            var actionText = reading.ValueOf($"{list}.{i}.action");
            if (!Enum.TryParse<DesignationAction>(actionText, ignoreCase: true, out var action))
            {
                lines.Add(new(number, true, name ?? "", nationalId, null, null,
                    prefix + (actionText is null ? "l'action (désigner ou retirer) n'est pas indiquée." : $"l'action « {actionText} » n'est pas reconnue (désigner ou retirer)."), false));
                continue;
            }

            var add = action == DesignationAction.Designate;
            if (name is null && (nationalId is null || !add))
            {
                lines.Add(new(number, add, "", nationalId, null, null, prefix + "le nom et le prénom de la personne ne sont pas indiqués.", false));
                continue;
            }

            if (!add)
            {
                var found = running.Where(p => PersonNames.Same(name!, p.PersonName)).DistinctBy(p => p.PersonId).ToList();
                lines.Add(found switch
                {
                    [var p] => new(number, false, name!, nationalId, p.PersonId, p.PersonName, null, true),
                    [] => new(number, false, name!, nationalId, null, null, $"{prefix}{name} n'est pas {role} de cette structure.", false),
                    _ => new(number, false, name!, nationalId, null, null, $"{prefix}plusieurs {role}s de cette structure s'appellent {name} : choisissez la personne.", false),
                });
                continue;
            }

            var written = name ?? nationalId!;
            var holders = nationalId is not null
                ? roster.ActiveCardHolders.Where(h => h.NationalId == nationalId).ToList()
                : roster.ActiveCardHolders.Where(h => PersonNames.Same(name!, h.Name)).DistinctBy(h => h.Id).ToList();
            if (holders is not [var holder])
            {
                var why = holders.Count > 1
                    ? $"plusieurs porteurs d'une carte active de cette structure s'appellent {name} : choisissez la personne."
                    : nationalId is not null
                        ? $"aucun porteur d'une carte active de cette structure n'a l'identifiant national {nationalId} ({written})."
                        : $"{name} ne détient aucune carte active de cette structure.";
                lines.Add(new(number, true, written, nationalId, null, null, prefix + why, false));
                continue;
            }

            string? warning = null;
            if (name is not null && !PersonNames.Same(name, holder.Name))
                warning = $"{prefix}l'identifiant national {nationalId} est celui de {holder.Name}, pas de {name} : vérifiez avec le déclarant.";
            else if (running.Any(p => p.PersonId == holder.Id))
                warning = $"{prefix}{holder.Name} est déjà {role} de cette structure : rien à changer.";
            else if (!administrators && holder.Id == s.LegalRepresentativeId)
                warning = $"{prefix}{holder.Name} est le représentant légal de cette structure : il n'a pas besoin d'être mandataire.";
            lines.Add(new(number, true, written, nationalId, holder.Id, holder.Name, warning, warning is null));
        }

        return lines;
    }

    private static (Address?, string?) NewAddressOf(FilledFormReading reading)
    {
        string? Value(string key) => reading.ValueOf($"newAddress.{key}") is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var recipient = Value("recipient");
        var line2 = string.Join(", ", new[] { recipient, Value("line2") }.OfType<string>());
        var address = new Address
        {
            Line1 = Value("line1") ?? "",
            Line2 = line2.Length == 0 ? null : line2,
            PostalCode = Value("postalCode") ?? "",
            City = Value("city") ?? "",
        };
        var empty = address.Line1.Length == 0 && address.Line2 is null && address.PostalCode.Length == 0 && address.City.Length == 0;
        return (empty ? null : address, recipient);
    }

    private static string? FullName(FilledFormReading reading, string prefix) =>
        FullName(reading.ValueOf($"{prefix}.firstName"), reading.ValueOf($"{prefix}.lastName"));

    /// <summary>"Amélie LEFÈVRE", as the registry writes names; null when both parts are blank.</summary>
    private static string? FullName(string? first, string? last)
    {
        var name = string.Join(' ', new[] { first?.Trim(), last?.Trim().ToUpperInvariant() }.Where(v => !string.IsNullOrWhiteSpace(v)));
        return name.Length == 0 ? null : name;
    }
}
