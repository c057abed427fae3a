using System.Globalization;
using CpsSupport.Features.Cards;
using CpsSupport.Features.Identifiers;
using CpsSupport.Features.People;
using CpsSupport.Features.Structures;

namespace CpsSupport.Features.Demo;

/// <summary>
/// Builds the demo registry in memory: about 300 structures of every kind with the identifiers of their kind, a legal
/// representative each, staff and mandataries, and everyone's cards with their history. Nothing here touches the
/// database; the same seeds give the same structures and people every day, and the same registry on the same day.
/// </summary>
internal sealed class DemoRegistryBuilder
{
    /// <summary>E-mail of Hélène Rousseau's person record, how the structure-manager account finds her.</summary>
    public const string DirectorEmail = "helene.rousseau@ch-test-sur-loire.test";

    /// <summary>E-mail of Julien Lefèvre's person record, how the mandatary account finds him.</summary>
    public const string MandataryEmail = "julien.lefevre@ehpad-les-tilleuls-test-sur-loire.test";

    private static readonly IReadOnlyList<(CardStatus Status, int Weight)> OrdinaryStatuses =
    [
        (CardStatus.Active, 600), (CardStatus.Blocked, 35), (CardStatus.Ordered, 35), (CardStatus.InProduction, 35),
        (CardStatus.Shipped, 25), (CardStatus.CodesSent, 40), (CardStatus.Opposed, 70), (CardStatus.Expired, 90), (CardStatus.Returned, 60),
    ];

    // Heads and mandataries work with their card: it is in use, or on its way.
    private static readonly IReadOnlyList<(CardStatus Status, int Weight)> SteadyStatuses =
        [(CardStatus.Active, 88), (CardStatus.Blocked, 2), (CardStatus.CodesSent, 4), (CardStatus.InProduction, 3), (CardStatus.Ordered, 3)];

    private static readonly IReadOnlyList<(CardStatus Status, int Weight)> TestCardStatuses =
    [
        (CardStatus.Active, 55), (CardStatus.Ordered, 10), (CardStatus.InProduction, 10), (CardStatus.Shipped, 5),
        (CardStatus.CodesSent, 10), (CardStatus.Expired, 10),
    ];

    /// <summary>How many cards a holder has had: the current one, after renewals and replacements.</summary>
    private static readonly IReadOnlyList<(int Count, int Weight)> ChainLengths = [(1, 55), (2, 33), (3, 12)];

    private static readonly IReadOnlyList<(DemoJob Job, int Weight)> PracticeHeads =
    [
        (DemoJobs.Doctor, 5), (DemoJobs.Nurse, 4), (DemoJobs.Physiotherapist, 3), (DemoJobs.Pharmacist, 3), (DemoJobs.Dentist, 2),
        (DemoJobs.Midwife, 1), (DemoJobs.SpeechTherapist, 1), (DemoJobs.Psychologist, 1), (DemoJobs.Podiatrist, 1),
        (DemoJobs.Optician, 1), (DemoJobs.HearingAidSpecialist, 1),
    ];

    private static readonly IReadOnlyList<string> ClinicNames =
        ["du Parc", "Saint-Joseph", "des Cèdres", "Pasteur", "Jeanne d'Arc", "Sainte-Marie", "du Val", "Saint-François", "Bon Secours", "de la Source"];

    private static readonly IReadOnlyList<string> HealthCentreNames = ["Pasteur", "Simone Veil", "Louise Michel", "des Lilas", "du Centre"];

    private static readonly IReadOnlyList<string> ResidenceNames =
    [
        "Les Tilleuls", "Les Glycines", "Les Hortensias", "Les Jardins", "Les Mimosas", "Les Charmilles", "Les Magnolias",
        "Les Oliviers", "Les Cèdres", "Les Lilas", "Les Colombes", "Le Clos Fleuri", "La Roseraie", "Le Bois Joli",
    ];

    private static readonly IReadOnlyList<string> CompanySuffixes =
        ["Santé Logiciels", "Médical Systèmes", "Dispositifs Médicaux", "e-Santé Intégration", "Informatique Médicale"];

    private static readonly IReadOnlyList<string> LegalForms = ["SAS", "SARL", "SA"];

    private readonly Random _rng;
    private readonly DemoCalendar _calendar;
    private readonly DemoCardHistory _history;
    private readonly HashSet<string> _finess = [];
    private readonly HashSet<string> _sirens = [];
    private readonly HashSet<string> _nationalIds = [];
    private readonly HashSet<string> _emails = [];
    private readonly HashSet<string> _names = [];
    private int _adeliSequence;
    private int _testSequence;

    /// <param name="rng">Draws of the registry itself: structures, people, identifiers, statuses.</param>
    /// <param name="historyRng">
    /// Draws of the card histories, whose number depends on the day (same-day steps, steps moved before now): kept
    /// apart so the same structures and people come out whatever the day.
    /// </param>
    /// <param name="calendar">Today and the business days the dates are counted from.</param>
    public DemoRegistryBuilder(Random rng, Random historyRng, DemoCalendar calendar)
    {
        _rng = rng;
        _calendar = calendar;
        _history = new DemoCardHistory(historyRng, calendar);
    }

    public List<DemoSite> Sites { get; } = [];
    public List<Person> People { get; } = [];
    public List<Mandate> Mandates { get; } = [];
    public List<Card> Cards { get; } = [];

    public DemoRegistryBuilder Build()
    {
        BuildTestSurLoire();
        for (var i = 0; i < 128; i++) AddLiberalPractice();
        for (var i = 0; i < 54; i++) AddHealthEstablishment();
        for (var i = 0; i < 50; i++) AddMedicoSocialStructure();
        for (var i = 0; i < 35; i++) AddNoCareStructure();
        for (var i = 0; i < 30; i++) AddIndustrial();
        return this;
    }

    /// <summary>
    /// The fixed structures of <see cref="DemoAccounts"/>: the hospital headed by Hélène Rousseau, and the two EHPADs of
    /// Julien Lefèvre, who was mandatary of Les Glycines until he moved to Les Tilleuls, where he is mandatary now.
    /// </summary>
    private void BuildTestSurLoire()
    {
        var city = DemoReferenceData.TestSurLoire;
        _finess.UnionWith([DemoAccounts.DirectorStructureFiness, DemoAccounts.MandataryStructureFiness, DemoAccounts.FormerMandateStructureFiness]);

        var hospital = AddSite(StructureKind.HealthEstablishment, DemoAccounts.DirectorStructureName, city, "ch-test-sur-loire",
            publicBody: true, finess: DemoAccounts.DirectorStructureFiness);
        hospital.Structure.HasMembershipContract = true;
        var director = AddPerson(hospital, DemoJobs.EstablishmentDirector, female: true, "Hélène", "Rousseau", DirectorEmail);
        hospital.Structure.LegalRepresentative = director;
        AddCards(director, hospital, CardType.Cde, DemoJobs.EstablishmentDirector, steady: true, current: CardStatus.Active, length: 2);
        AddStaff(hospital, DemoJobs.HospitalProfessionals, 7);
        AddStaff(hospital, DemoJobs.HospitalStaff, 5);
        AddMandatary(hospital, running: true);

        var tilleuls = AddSite(StructureKind.MedicoSocial, DemoAccounts.MandataryStructureName, city, "ehpad-les-tilleuls-test-sur-loire",
            publicBody: false, finess: DemoAccounts.MandataryStructureFiness);
        tilleuls.Structure.HasMembershipContract = true;
        AddHead(tilleuls, DemoJobs.Director, female: true, "Martine", "Dufour");
        AddStaff(tilleuls, DemoJobs.MedicoSocialProfessionals, 2);
        AddStaff(tilleuls, DemoJobs.MedicoSocialStaff, 3);

        var glycines = AddSite(StructureKind.MedicoSocial, DemoAccounts.FormerMandateStructureName, city, "ehpad-les-glycines-test-sur-loire",
            publicBody: true, finess: DemoAccounts.FormerMandateStructureFiness);
        AddHead(glycines, DemoJobs.Director, female: false, "Bernard", "Roche");
        AddStaff(glycines, DemoJobs.MedicoSocialProfessionals, 2);
        AddStaff(glycines, DemoJobs.MedicoSocialStaff, 2);

        var movedOn = new DateOnly(_calendar.Today.Year, _calendar.Today.Month, 1).AddMonths(-9);
        var glycinesStart = movedOn.AddMonths(-30);
        var julien = AddPerson(tilleuls, DemoJobs.AdministrativeManager, female: false, "Julien", "Lefèvre", MandataryEmail);
        AddMandate(glycines, julien, glycinesStart, movedOn.AddDays(-1));
        AddMandate(tilleuls, julien, movedOn, null);
        Cards.Add(_history.Create(new DemoCardOrder(
            julien, glycines.Structure, CardType.Cpe, DemoCalendar.AddBusinessDays(glycinesStart, 3),
            StaffOrderActor(glycines), StaffOrderReason(CardType.Cpe, julien), CardStatus.Opposed,
            EndOn: movedOn.AddDays(-1), EndActor: $"{glycines.Head.FullName} (responsable de structure, TOM)", EndReason: DepartureReason)));
        Cards.Add(_history.Create(new DemoCardOrder(
            julien, tilleuls.Structure, CardType.Cpe, DemoCalendar.AddBusinessDays(movedOn, 2),
            StaffOrderActor(tilleuls), StaffOrderReason(CardType.Cpe, julien), CardStatus.Active)));
        // Les Glycines designated Julien's successor the day he left.
        var successor = AddPerson(glycines, DemoJobs.AdministrativeManager);
        AddCards(successor, glycines, CardType.Cpe, DemoJobs.AdministrativeManager, steady: true);
        AddMandate(glycines, successor, movedOn, null);
    }

    private void AddLiberalPractice()
    {
        var city = RandomCity();
        var job = _rng.Pick(PracticeHeads);
        var female = _rng.Chance(0.55);
        var first = FirstName(female);
        var last = LastNameIn(city);
        var name = job switch
        {
            _ when job == DemoJobs.Doctor => $"Cabinet du Dr {first} {last}",
            _ when job == DemoJobs.Nurse => $"Cabinet infirmier {last}",
            _ when job == DemoJobs.Physiotherapist => $"Cabinet de kinésithérapie {last}",
            _ when job == DemoJobs.Pharmacist => $"Pharmacie {last}",
            _ when job == DemoJobs.Dentist => $"Cabinet dentaire du Dr {last}",
            _ when job == DemoJobs.Midwife => $"Cabinet de sage-femme {first} {last}",
            _ when job == DemoJobs.SpeechTherapist => $"Cabinet d'orthophonie {last}",
            _ when job == DemoJobs.Psychologist => $"Cabinet de psychologie {first} {last}",
            _ when job == DemoJobs.Podiatrist => $"Cabinet de podologie {last}",
            _ when job == DemoJobs.Optician => $"Optique {last}",
            _ => $"Centre auditif {last}",
        };
        // Pharmacies (officines) are registered in FINESS; other liberal practices are known by their SIRET only.
        var pharmacy = job == DemoJobs.Pharmacist;
        var site = AddSite(StructureKind.LiberalPractice, name, city, name, publicBody: false, finess: pharmacy ? NewFiness(city) : null);
        // The practitioner heads the practice and holds a CPS, not a CDE: liberal practices do not use F101.
        var head = AddPerson(site, job, female, first, last);
        site.Structure.LegalRepresentative = head;
        AddCards(head, site, CardType.Cps, job, steady: true);
        if (_rng.Chance(0.15)) AddMember(site, job);
        if (_rng.Chance(0.25)) AddMember(site, pharmacy ? DemoJobs.PharmacyTechnician : DemoJobs.MedicalSecretary);
    }

    private void AddHealthEstablishment()
    {
        while (true)
        {
            var city = RandomCity();
            var type = _rng.Pick<string>([("CHU", 3), ("CH", 5), ("Clinique", 4), ("Polyclinique", 1), ("Centre de santé", 2), ("LBM", 2), ("Dialyse", 1), ("HAD", 1)]);
            if (type == "CHU" && !city.HasUniversityHospital) continue;
            var name = type switch
            {
                "CHU" => $"Centre hospitalier universitaire {city.Of}",
                "CH" => $"Centre hospitalier {city.Of}",
                "Clinique" => $"Clinique {_rng.Pick(ClinicNames)}",
                "Polyclinique" => $"Polyclinique {city.Of}",
                "Centre de santé" => $"Centre de santé {_rng.Pick(HealthCentreNames)}",
                "LBM" => $"Laboratoire de biologie médicale {city.Of}",
                "Dialyse" => $"Centre de dialyse {city.Of}",
                _ => $"Hospitalisation à domicile {city.Of}",
            };
            if (!_names.Add($"{name}|{city.Name}")) continue;

            var mailName = type switch
            {
                "CHU" => $"chu {city.Name}",
                "CH" => $"ch {city.Name}",
                _ => name.Contains(city.Name, StringComparison.Ordinal) ? name : $"{name} {city.Name}",
            };
            var site = AddSite(StructureKind.HealthEstablishment, name, city, mailName, publicBody: type is "CHU" or "CH", finess: NewFiness(city));
            AddHead(site, DemoJobs.EstablishmentDirector);
            IReadOnlyList<(DemoJob Job, int Weight)> professionals = type switch
            {
                "LBM" => [(DemoJobs.Pharmacist, 1), (DemoJobs.Doctor, 1), (DemoJobs.LabTechnician, 2)],
                "Dialyse" or "HAD" => [(DemoJobs.Nurse, 3), (DemoJobs.Doctor, 1), (DemoJobs.Physiotherapist, 1)],
                _ => DemoJobs.HospitalProfessionals,
            };
            var (pros, staff) = type switch
            {
                "CHU" => (_rng.Next(3, 6), _rng.Next(1, 3)),
                "CH" => (_rng.Next(2, 4), _rng.Next(1, 3)),
                "Clinique" or "Polyclinique" => (_rng.Next(1, 3), _rng.Next(1, 3)),
                _ => (_rng.Next(1, 3), _rng.Next(0, 2)),
            };
            AddStaff(site, professionals, pros);
            AddStaff(site, DemoJobs.HospitalStaff, staff);
            if (type == "CHU")
            {
                for (var i = _rng.Next(1, 3); i > 0; i--) AddResident(site);
            }
            AddMandataries(site);
            return;
        }
    }

    private void AddMedicoSocialStructure()
    {
        while (true)
        {
            var city = RandomCity();
            var type = _rng.Pick<string>([("EHPAD", 6), ("Résidence", 1), ("IME", 1), ("ESAT", 1), ("SSIAD", 1), ("MAS", 1)]);
            var name = type switch
            {
                "EHPAD" => $"EHPAD {_rng.Pick(ResidenceNames)} {city.Of}",
                "Résidence" => $"Résidence autonomie {_rng.Pick(ResidenceNames)} {city.Of}",
                "IME" => $"Institut médico-éducatif {city.Of}",
                "ESAT" => $"ESAT {city.Of}",
                "SSIAD" => $"Service de soins infirmiers à domicile {city.Of}",
                _ => $"Maison d'accueil spécialisée {_rng.Pick(ResidenceNames)} {city.Of}",
            };
            if (!_names.Add($"{name}|{city.Name}")) continue;

            var site = AddSite(StructureKind.MedicoSocial, name, city, name,
                publicBody: type is "EHPAD" or "SSIAD" && _rng.Chance(0.4), finess: NewFiness(city));
            AddHead(site, DemoJobs.Director);
            AddStaff(site, DemoJobs.MedicoSocialProfessionals, _rng.Next(0, 2));
            AddStaff(site, DemoJobs.MedicoSocialStaff, _rng.Next(1, 3));
            AddMandataries(site);
            return;
        }
    }

    private void AddNoCareStructure()
    {
        while (true)
        {
            var city = RandomCity();
            var last = LastNameIn(city);
            var type = _rng.Pick<string>([("Mutuelle", 3), ("DAC", 2), ("GRADeS", 1), ("Tiers payant", 1), ("OCT", 1), ("IFSI", 2)]);
            var name = type switch
            {
                "Mutuelle" => $"Mutuelle {last} Santé",
                "DAC" => $"Dispositif d'appui à la coordination {city.OfDepartment}",
                "GRADeS" => $"Groupement e-santé {city.OfDepartment}",
                "Tiers payant" => $"Centre de gestion du tiers payant {city.Of}",
                "OCT" => $"Organisme concentrateur technique {last}",
                _ => $"Institut de formation en soins infirmiers {city.Of}",
            };
            if (!_names.Add(name)) continue;

            var site = AddSite(StructureKind.HealthDomainNoCare, name, city, name, publicBody: false, finess: null);
            AddHead(site, type == "Mutuelle" ? DemoJobs.President : DemoJobs.Director);
            // No CPA without the membership contract: those structures have their head's CDA and nothing else yet.
            if (site.Structure.HasMembershipContract)
            {
                AddStaff(site, DemoJobs.NoCareStaff, _rng.Next(1, 3));
                AddMandataries(site);
            }
            if (type == "GRADeS") AddTestCard(site);
            return;
        }
    }

    private void AddIndustrial()
    {
        while (true)
        {
            var city = RandomCity();
            var brand = $"{LastNameIn(city)} {_rng.Pick(CompanySuffixes)}";
            if (!_names.Add(brand)) continue;

            var site = AddSite(StructureKind.Industrial, $"{brand} {_rng.Pick(LegalForms)}", city, brand, publicBody: false, finess: null);
            AddHead(site, _rng.Chance(0.5) ? DemoJobs.President : DemoJobs.ChiefExecutive);
            if (site.Structure.HasMembershipContract)
            {
                AddStaff(site, DemoJobs.IndustrialStaff, _rng.Next(0, 3));
                AddMandataries(site);
            }
            // Integrators order test cards (F414) to build and check their software.
            for (var i = _rng.Next(0, 3); i > 0; i--) AddTestCard(site);
            return;
        }
    }

    private DemoSite AddSite(StructureKind kind, string name, DemoCity city, string mailName, bool publicBody, string? finess)
    {
        var (deliveryLine2, correspondenceLine2) = kind switch
        {
            StructureKind.HealthEstablishment => ("Direction des systèmes d'information", "Direction générale"),
            StructureKind.MedicoSocial => ("Secrétariat de direction", "Direction"),
            StructureKind.HealthDomainNoCare or StructureKind.Industrial => ("Service informatique", null),
            _ => ((string?)null, (string?)null),
        };
        var delivery = AddressIn(city, deliveryLine2);
        // One structure in five gets its mail at its head office rather than where its cards are delivered.
        var correspondence = _rng.Chance(0.2) ? AddressIn(city, correspondenceLine2) : Copy(delivery, correspondenceLine2);
        var siren = NewSiren(publicBody);
        var structure = new Structure
        {
            Kind = kind,
            Name = name,
            Finess = finess,
            Siren = siren,
            Siret = Siret.Create(siren, publicBody ? _rng.Next(1, 40) : _rng.Next(1, 6)),
            DeliveryAddress = delivery,
            CorrespondenceAddress = correspondence,
            HasMembershipContract = _rng.Chance(kind switch
            {
                StructureKind.LiberalPractice => 0.25,
                StructureKind.MedicoSocial => 0.75,
                StructureKind.Industrial => 0.8,
                _ => 0.85,
            }),
        };
        var site = new DemoSite(structure, city, DemoText.Ascii(mailName) + ".test");
        Sites.Add(site);
        return site;
    }

    private Person AddPerson(DemoSite site, DemoJob job, bool? female = null, string? firstName = null, string? lastName = null, string? email = null)
    {
        var isFemale = female ?? _rng.Chance(0.55);
        var first = firstName ?? FirstName(isFemale);
        var last = lastName ?? LastNameIn(site.City);
        var person = new Person
        {
            FirstName = first,
            LastName = last,
            Profession = job.For(isFemale),
            NationalIdKind = job.Register,
            NationalId = NationalIdOf(job, site.City),
            Email = email ?? UniqueEmail(first, last, site.MailDomain),
            Phone = PhoneIn(site.City),
            CorrespondenceAddress = Copy(site.Structure.CorrespondenceAddress, site.Structure.CorrespondenceAddress.Line2),
        };
        if (email is not null) _emails.Add(email);
        People.Add(person);
        return person;
    }

    /// <summary>The legal representative: CDE for a care structure, CDA otherwise (F101).</summary>
    private void AddHead(DemoSite site, DemoJob job, bool? female = null, string? firstName = null, string? lastName = null)
    {
        var head = AddPerson(site, job, female, firstName, lastName);
        site.Structure.LegalRepresentative = head;
        AddCards(head, site, site.GivesCare ? CardType.Cde : CardType.Cda, job, steady: true);
    }

    private void AddStaff(DemoSite site, IReadOnlyList<(DemoJob Job, int Weight)> jobs, int count)
    {
        for (var i = 0; i < count; i++) AddMember(site, _rng.Pick(jobs));
    }

    /// <summary>A health professional gets a CPS; anyone else a CPE in a care structure, a CPA elsewhere.</summary>
    private void AddMember(DemoSite site, DemoJob job)
    {
        var person = AddPerson(site, job);
        AddCards(person, site, job.IsHealthProfession ? CardType.Cps : site.GivesCare ? CardType.Cpe : CardType.Cpa, job, steady: false);
    }

    private void AddResident(DemoSite site)
    {
        var job = _rng.Pick(DemoJobs.Residents);
        AddCards(AddPerson(site, job), site, CardType.Cpf, job, steady: false);
    }

    /// <summary>Mandataries (F502) of some structures: most mandates run, some ended (the person stayed, the mandate did not).</summary>
    private void AddMandataries(DemoSite site)
    {
        if (_rng.Chance(0.2)) AddMandatary(site, running: true);
        if (_rng.Chance(0.1)) AddMandatary(site, running: false);
    }

    private void AddMandatary(DemoSite site, bool running)
    {
        var person = AddPerson(site, DemoJobs.AdministrativeManager);
        AddCards(person, site, site.GivesCare ? CardType.Cpe : CardType.Cpa, DemoJobs.AdministrativeManager, steady: true);
        var today = _calendar.Today;
        if (running)
        {
            var startsOn = today.AddDays(-_rng.Next(20, 1400));
            // Some mandates are given for a fixed term.
            AddMandate(site, person, startsOn, _rng.Chance(0.15) ? today.AddDays(_rng.Next(30, 400)) : null);
        }
        else
        {
            var startsOn = today.AddDays(-_rng.Next(500, 2000));
            AddMandate(site, person, startsOn, _rng.Day(startsOn.AddDays(180), today.AddDays(-10)));
        }
    }

    private void AddMandate(DemoSite site, Person person, DateOnly startsOn, DateOnly? endsOn) =>
        Mandates.Add(new Mandate { Structure = site.Structure, StructureId = site.Structure.Id, Person = person, PersonId = person.Id, StartsOn = startsOn, EndsOn = endsOn });

    /// <summary>A test card (F414) on a fictitious identity, as the ANS ships them to integrators.</summary>
    private void AddTestCard(DemoSite site)
    {
        var (lastName, job) = _rng.Pick(DemoJobs.TestIdentities);
        var female = _rng.Chance(0.5);
        var person = new Person
        {
            FirstName = DemoText.Ascii(FirstName(female)).ToUpperInvariant(),
            LastName = lastName,
            Profession = job.For(female),
            NationalIdKind = job.Register,
            NationalId = TestNationalIdOf(job),
            CorrespondenceAddress = Copy(site.Structure.DeliveryAddress, site.Structure.DeliveryAddress.Line2),
        };
        People.Add(person);
        var actor = $"{site.Head.FullName} (commande F414)";
        const string reason = "Carte de test pour l'intégration d'un logiciel";
        if (lastName == "CPE OPPOSEE")
        {
            // The kit's opposed card has its certificates revoked from the start, so integrators can test the refusal.
            var orderedOn = _rng.Day(_calendar.Today.AddYears(-2), _calendar.Today.AddDays(-30));
            Cards.Add(_history.Create(new DemoCardOrder(person, site.Structure, CardType.Test, orderedOn, actor, reason, CardStatus.Opposed,
                EndOn: DemoCardHistory.ValidFromOf(orderedOn), EndActor: "ANS – cartes de test",
                EndReason: "Carte du kit d'intégration livrée en opposition (« CPE opposée »)")));
            return;
        }
        var status = _rng.Pick(TestCardStatuses);
        Cards.Add(_history.Create(new DemoCardOrder(person, site.Structure, CardType.Test, OrderDayFor(status), actor, reason, status)));
    }

    /// <summary>
    /// The holder's cards, oldest first: the current one in <paramref name="current"/> (or a drawn) status, and before
    /// it the cards it renewed (old card expired, or still valid a few weeks) or replaced (old card opposed the day the
    /// new one was ordered).
    /// </summary>
    private void AddCards(Person holder, DemoSite site, CardType type, DemoJob job, bool steady, CardStatus? current = null, int? length = null)
    {
        var status = current ?? _rng.Pick(steady ? SteadyStatuses : OrdinaryStatuses);
        var (endActor, endReason) = status switch
        {
            CardStatus.Opposed => Opposition(holder, site, type, job),
            CardStatus.Returned => ("Support cartes ANS (courrier reçu)", _rng.Pick(ReturnReasons)),
            _ => ((string?)null, (string?)null),
        };
        var orders = new List<(DemoCardOrder Order, bool RenewedByNext)>
        {
            (new DemoCardOrder(holder, site.Structure, type, OrderDayFor(status), "", null, status, EndActor: endActor, EndReason: endReason), false),
        };
        for (var i = length ?? _rng.Pick(ChainLengths); i > 1; i--)
        {
            var next = orders[^1].Order;
            orders.Add(_rng.Chance(0.75) ? (Renewed(next), true) : (Replaced(next, site), false));
        }
        orders.Reverse();

        Card? previous = null;
        var previousRenewed = false;
        foreach (var (order, renewedByNext) in orders)
        {
            var (actor, reason) = previous switch
            {
                null => InitialOrder(holder, site, type, job),
                _ when previousRenewed => ("ANS – renouvellement automatique",
                    $"Renouvellement de la carte {previous.SerialNumber} (fin de validité le {previous.ValidUntil?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})"),
                _ => (previous.Events[^1].Actor, $"Remplacement de la carte {previous.SerialNumber} mise en opposition : {previous.OppositionReason}"),
            };
            var replaced = previous is not null && !previousRenewed;
            previous = _history.Create(order with { OrderActor = actor, OrderReason = reason, NotBefore = replaced ? previous!.Events[^1].At : null });
            Cards.Add(previous);
            previousRenewed = renewedByNext;
        }
    }

    /// <summary>The card a renewal replaced: sent about two months before the old card's end, which expired or ends soon.</summary>
    private DemoCardOrder Renewed(DemoCardOrder next)
    {
        var oldEnd = next.OrderedOn.AddDays(_rng.Next(30, 61));
        var orderedOn = DemoCalendar.AddBusinessDays(DemoCalendar.OnOrBefore(oldEnd.AddYears(-3).AddDays(1)), -DemoCardHistory.ProductionDelay);
        var status = DemoCardHistory.ValidUntilOf(orderedOn) < _calendar.Today ? CardStatus.Expired : CardStatus.Active;
        return next with { OrderedOn = orderedOn, Status = status, EndOn = null, EndActor = null, EndReason = null, Received = true };
    }

    /// <summary>The card a replacement followed: opposed (lost, stolen, faulty, never received) the day the new one was ordered.</summary>
    private DemoCardOrder Replaced(DemoCardOrder next, DemoSite site)
    {
        var opposedOn = next.OrderedOn;
        var holder = next.Holder;
        // Employees' incidents are often declared by their structure head on TOM; professionals declare their own.
        var actor = holder.NationalIdKind == NationalIdKind.None && site.Structure.Kind != StructureKind.LiberalPractice && _rng.Chance(0.5)
            ? $"{site.Head.FullName} (responsable de structure, TOM)"
            : $"{holder.FullName} (porteur, F501)";
        if (_rng.Chance(0.15))
        {
            var sentOn = DemoCalendar.AddBusinessDays(opposedOn, -(DemoCardHistory.ShippingDelay + 1 + _rng.Next(3, 9)));
            return next with { OrderedOn = sentOn, Status = CardStatus.Opposed, EndOn = opposedOn, EndActor = $"{holder.FullName} (porteur, F501)", EndReason = "Carte non reçue par le porteur", Received = false };
        }
        var reason = _rng.Pick<string>([
            ("Perte de la carte", 45),
            ("Vol de la carte (récépissé de dépôt de plainte joint)", 25),
            ("Dysfonctionnement de la carte (puce illisible)", 30),
        ]);
        var orderedOn = _rng.Day(opposedOn.AddYears(-3).AddDays(40), opposedOn.AddDays(-45));
        return next with { OrderedOn = orderedOn, Status = CardStatus.Opposed, EndOn = opposedOn, EndActor = actor, EndReason = reason, Received = true };
    }

    private const string DepartureReason = "Départ de la structure : révocation demandée par le responsable de structure";

    private static readonly IReadOnlyList<string> ReturnReasons =
    [
        "Carte restituée par le responsable de structure après le départ du porteur",
        "Carte restituée par le porteur (changement de fonctions)",
        "Carte restituée par le porteur (départ à la retraite)",
    ];

    /// <summary>
    /// Why a current card was opposed with no replacement. A CPS of an RPPS profession is opposed by a third party only
    /// after radiation by the competent authority; other cards on the head's request when the holder leaves.
    /// </summary>
    private static (string Actor, string Reason) Opposition(Person holder, DemoSite site, CardType type, DemoJob job) => type switch
    {
        CardType.Cps when job.Register == NationalIdKind.Rpps => ($"{job.Authority} (autorité compétente)", "Radiation du tableau de l'Ordre"),
        _ when site.Structure.LegalRepresentative == holder => ($"{holder.FullName} (porteur)", "Cessation d'activité déclarée par le porteur"),
        CardType.Cpf => ($"{site.Head.FullName} (établissement d'accueil)", "Fin de la formation : révocation demandée par l'établissement d'accueil"),
        _ => ($"{site.Head.FullName} (responsable de structure, {(site.Structure.Kind == StructureKind.LiberalPractice ? "TOPS" : "TOM")})", DepartureReason),
    };

    /// <summary>Who starts a holder's first card, by card type (DOMAIN.md, "Cards").</summary>
    private static (string Actor, string? Reason) InitialOrder(Person holder, DemoSite site, CardType type, DemoJob job) => type switch
    {
        CardType.Cps when job.Register == NationalIdKind.Rpps => ($"{job.Authority} (enregistrement RPPS)", "Émission automatique de la CPS après enregistrement au RPPS"),
        CardType.Cps => ($"{holder.FullName} (demande {job.RequestForm ?? "à l'ANS"})", "Demande de CPS avec justificatif d'enregistrement ADELI"),
        CardType.Cpf => ($"{holder.FullName} (demande de CPF)", $"{holder.Profession} : carte de professionnel en formation"),
        CardType.Cde or CardType.Cda => ($"{holder.FullName} (représentant légal, F101)", "Carte de représentant légal"),
        _ => (StaffOrderActor(site), StaffOrderReason(type, holder)),
    };

    private static string StaffOrderActor(DemoSite site) => $"{site.Head.FullName} (responsable de structure, {site.StaffOrderChannel})";

    private static string StaffOrderReason(CardType type, Person holder) =>
        $"Commande de carte {type.ToString().ToUpperInvariant()} pour {holder.FullName} ({holder.Profession})";

    /// <summary>An order day that puts the current card in <paramref name="status"/> today (see <see cref="DemoCardHistory"/> delays).</summary>
    private DateOnly OrderDayFor(CardStatus status)
    {
        var today = _calendar.Today;
        var lastBusinessDay = _calendar.LastBusinessDay;
        return status switch
        {
            CardStatus.Ordered => DemoCalendar.AddBusinessDays(lastBusinessDay, -_rng.Next(0, DemoCardHistory.ProductionDelay)),
            CardStatus.InProduction => DemoCalendar.AddBusinessDays(lastBusinessDay, -_rng.Next(DemoCardHistory.ProductionDelay, DemoCardHistory.ShippingDelay)),
            CardStatus.Shipped => DemoCalendar.AddBusinessDays(lastBusinessDay, -DemoCardHistory.ShippingDelay),
            CardStatus.CodesSent => DemoCalendar.AddBusinessDays(lastBusinessDay, -(DemoCardHistory.ShippingDelay + 1 + _rng.Next(0, 13))),
            CardStatus.Active => _rng.Day(today.AddYears(-3).AddDays(10), today.AddDays(-40)),
            CardStatus.Blocked => _rng.Day(today.AddYears(-3).AddDays(10), today.AddDays(-45)),
            CardStatus.Opposed or CardStatus.Returned => _rng.Day(today.AddYears(-3).AddDays(10), today.AddDays(-60)),
            CardStatus.Expired => _rng.Day(today.AddYears(-3).AddDays(-700), today.AddYears(-3).AddDays(-10)),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    private DemoCity RandomCity() => _rng.Pick(DemoReferenceData.Cities);

    private string FirstName(bool female) => _rng.Pick(female ? DemoReferenceData.FemaleFirstNames : DemoReferenceData.MaleFirstNames);

    private string LastNameIn(DemoCity city) =>
        city.IsCorsican && _rng.Chance(0.5) ? _rng.Pick(DemoReferenceData.CorsicanLastNames)
        : city.IsOverseas && _rng.Chance(0.5) ? _rng.Pick(DemoReferenceData.OverseasLastNames)
        : _rng.Pick(DemoReferenceData.LastNames);

    /// <summary>8 + RPPS (payloads from 10…, like current RPPS numbers) or 0 + ADELI laid out as department, profession code, sequence.</summary>
    private string? NationalIdOf(DemoJob job, DemoCity city)
    {
        switch (job.Register)
        {
            case NationalIdKind.Rpps:
                while (true)
                {
                    var id = "8" + Rpps.Create(1_000_000_000L + _rng.Next(100_000_000));
                    if (_nationalIds.Add(id)) return id;
                }
            case NationalIdKind.Adeli:
                var department = city.IsCorsican ? 20 : city.IsOverseas ? 97 : int.Parse(city.Department, CultureInfo.InvariantCulture);
                var adeli = "0" + Adeli.Create(department * 10_000_000 + job.ProfessionCode * 100_000 + ++_adeliSequence);
                _nationalIds.Add(adeli);
                return adeli;
            default:
                return null;
        }
    }

    /// <summary>Test identities use the test ranges: RPPS 997…, ADELI of the non-existent department 99.</summary>
    private string? TestNationalIdOf(DemoJob job)
    {
        var sequence = ++_testSequence;
        string? id = job.Register switch
        {
            NationalIdKind.Rpps => "8" + Rpps.Create(9_970_000_000L + sequence * 37),
            NationalIdKind.Adeli => "0" + Adeli.Create(990_000_000 + job.ProfessionCode * 100_000 + sequence),
            _ => null,
        };
        if (id is not null) _nationalIds.Add(id);
        return id;
    }

    /// <summary>A FINESS of the town's department: 2A/2B + 7 digits in Corsica, 970 + the department's last digit overseas.</summary>
    private string NewFiness(DemoCity city)
    {
        while (true)
        {
            var finess = city.IsCorsican ? Finess.CreateCorsican(city.Department, _rng.Next(10_000_000))
                : city.IsOverseas ? Finess.Create(97_000_000 + (city.Department[2] - '0') * 10_000 + _rng.Next(10_000))
                : Finess.Create(int.Parse(city.Department, CultureInfo.InvariantCulture) * 1_000_000 + _rng.Next(1_000_000));
            if (_finess.Add(finess)) return finess;
        }
    }

    /// <summary>Public hospitals and their EHPADs are public bodies, whose SIREN start with 26; companies and associations above 30.</summary>
    private string NewSiren(bool publicBody)
    {
        while (true)
        {
            var siren = Siren.Create(publicBody ? 26_000_000 + _rng.Next(1_000_000) : _rng.Next(30_000_000, 100_000_000));
            if (siren != IdentifierValidator.LaPosteSiren && _sirens.Add(siren)) return siren;
        }
    }

    /// <summary>An address of the reserved .test domain, so a demo never mails a real mailbox.</summary>
    private string UniqueEmail(string first, string last, string domain)
    {
        var local = $"{DemoText.Ascii(first)}.{DemoText.Ascii(last)}";
        var email = $"{local}@{domain}";
        for (var n = 2; !_emails.Add(email); n++) email = $"{local}{n}@{domain}";
        return email;
    }

    private string PhoneIn(DemoCity city)
    {
        var prefix = !city.IsOverseas && _rng.Chance(0.3) ? _rng.Pick(["06", "07"]) : city.PhonePrefix;
        var digits = prefix + string.Concat(Enumerable.Range(0, 10 - prefix.Length).Select(_ => (char)('0' + _rng.Next(10))));
        return string.Join(' ', digits.Chunk(2).Select(pair => new string(pair)));
    }

    private Address AddressIn(DemoCity city, string? line2) => new()
    {
        Line1 = $"{_rng.Next(1, 150)} {_rng.Pick(DemoReferenceData.Streets)}",
        Line2 = line2,
        PostalCode = city.PostalCode,
        City = city.Name,
    };

    // Owned addresses cannot be shared between entities: every owner gets its own copy.
    private static Address Copy(Address address, string? line2) => new()
    {
        Line1 = address.Line1,
        Line2 = line2,
        PostalCode = address.PostalCode,
        City = address.City,
        Country = address.Country,
    };
}
