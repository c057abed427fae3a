using CpsSupport.Features.People;

namespace CpsSupport.Features.Demo;

/// <summary>
/// The professions and job titles of the demo data. DOMAIN.md names the RPPS professions but not the ADELI ones: the
/// ADELI list below is the set of professions still registered in ADELI before their move to the RPPS (nurses moved in
/// 2021, physiotherapists and podiatrists earlier), which is what the desk still meets on older cards.
/// </summary>
internal static class DemoJobs
{
    // RPPS professions: their CPS is ordered automatically once the order registers them.
    public static readonly DemoJob Doctor = new("Médecin", "Médecin", NationalIdKind.Rpps, 10, "Ordre national des médecins");
    public static readonly DemoJob Pharmacist = new("Pharmacien", "Pharmacienne", NationalIdKind.Rpps, 21, "Ordre national des pharmaciens");
    public static readonly DemoJob Dentist = new("Chirurgien-dentiste", "Chirurgienne-dentiste", NationalIdKind.Rpps, 40, "Ordre national des chirurgiens-dentistes");
    public static readonly DemoJob Midwife = new("Sage-femme", "Sage-femme", NationalIdKind.Rpps, 50, "Ordre des sages-femmes");
    public static readonly DemoJob Nurse = new("Infirmier", "Infirmière", NationalIdKind.Rpps, 60, "Ordre national des infirmiers");
    public static readonly DemoJob Physiotherapist = new("Masseur-kinésithérapeute", "Masseuse-kinésithérapeute", NationalIdKind.Rpps, 70, "Ordre des masseurs-kinésithérapeutes");
    public static readonly DemoJob Podiatrist = new("Pédicure-podologue", "Pédicure-podologue", NationalIdKind.Rpps, 80, "Ordre national des pédicures-podologues");

    // ADELI professions: their CPS is requested from the ANS.
    public static readonly DemoJob Psychologist = new("Psychologue", "Psychologue", NationalIdKind.Adeli, 93);
    public static readonly DemoJob SpeechTherapist = new("Orthophoniste", "Orthophoniste", NationalIdKind.Adeli, 91, RequestForm: "F201");
    public static readonly DemoJob Orthoptist = new("Orthoptiste", "Orthoptiste", NationalIdKind.Adeli, 92, RequestForm: "F201");
    public static readonly DemoJob OccupationalTherapist = new("Ergothérapeute", "Ergothérapeute", NationalIdKind.Adeli, 94, RequestForm: "F201");
    public static readonly DemoJob Dietitian = new("Diététicien", "Diététicienne", NationalIdKind.Adeli, 95, RequestForm: "F201");
    public static readonly DemoJob Psychomotrician = new("Psychomotricien", "Psychomotricienne", NationalIdKind.Adeli, 96, RequestForm: "F201");
    public static readonly DemoJob Radiographer = new("Manipulateur d'électroradiologie médicale", "Manipulatrice d'électroradiologie médicale", NationalIdKind.Adeli, 98, RequestForm: "F201");
    public static readonly DemoJob LabTechnician = new("Technicien de laboratoire médical", "Technicienne de laboratoire médical", NationalIdKind.Adeli, 86, RequestForm: "F201");
    public static readonly DemoJob HearingAidSpecialist = new("Audioprothésiste", "Audioprothésiste", NationalIdKind.Adeli, 26, RequestForm: "F202");
    public static readonly DemoJob Optician = new("Opticien-lunetier", "Opticienne-lunetière", NationalIdKind.Adeli, 28, RequestForm: "F202");

    // Students of professions with an order get a CPF; residents are registered in the RPPS.
    public static readonly IReadOnlyList<DemoJob> Residents =
    [
        new("Interne en médecine", "Interne en médecine", NationalIdKind.Rpps, 10, "Ordre national des médecins"),
        new("Interne en pharmacie", "Interne en pharmacie", NationalIdKind.Rpps, 21, "Ordre national des pharmaciens"),
        new("Interne en odontologie", "Interne en odontologie", NationalIdKind.Rpps, 40, "Ordre national des chirurgiens-dentistes"),
    ];

    // Heads of structures (legal representatives).
    public static readonly DemoJob EstablishmentDirector = new("Directeur d'établissement", "Directrice d'établissement");
    public static readonly DemoJob Director = new("Directeur", "Directrice");
    public static readonly DemoJob President = new("Président", "Présidente");
    public static readonly DemoJob ChiefExecutive = new("Directeur général", "Directrice générale");

    /// <summary>The usual mandatary (F502): the administrative manager the legal representative delegates card matters to.</summary>
    public static readonly DemoJob AdministrativeManager = new("Cadre administratif", "Cadre administrative");

    public static readonly IReadOnlyList<(DemoJob Job, int Weight)> HospitalProfessionals =
    [
        (Doctor, 8), (Nurse, 8), (Pharmacist, 2), (Midwife, 2), (Physiotherapist, 2), (Radiographer, 2),
        (OccupationalTherapist, 1), (Psychologist, 1), (Dietitian, 1), (LabTechnician, 1), (SpeechTherapist, 1),
    ];

    public static readonly IReadOnlyList<(DemoJob Job, int Weight)> HospitalStaff =
    [
        (new("Secrétaire médical", "Secrétaire médicale"), 6), (new("Agent administratif", "Agente administrative"), 4),
        (new("Aide-soignant", "Aide-soignante"), 4), (new("Technicien informatique", "Technicienne informatique"), 2),
        (AdministrativeManager, 2), (new("Agent d'accueil", "Agente d'accueil"), 2), (new("Responsable qualité", "Responsable qualité"), 1),
        (new("Assistant de direction", "Assistante de direction"), 1),
    ];

    public static readonly IReadOnlyList<(DemoJob Job, int Weight)> MedicoSocialProfessionals =
    [
        (Doctor, 2), (Nurse, 6), (Psychologist, 2), (OccupationalTherapist, 2), (Psychomotrician, 2), (Physiotherapist, 1),
    ];

    public static readonly IReadOnlyList<(DemoJob Job, int Weight)> MedicoSocialStaff =
    [
        (new("Aide-soignant", "Aide-soignante"), 6), (new("Accompagnant éducatif et social", "Accompagnante éducative et sociale"), 4),
        (new("Agent administratif", "Agente administrative"), 2), (new("Secrétaire médical", "Secrétaire médicale"), 2),
        (AdministrativeManager, 2),
    ];

    public static readonly IReadOnlyList<(DemoJob Job, int Weight)> NoCareStaff =
    [
        (new("Chargé de mission e-santé", "Chargée de mission e-santé"), 3), (new("Gestionnaire de prestations", "Gestionnaire de prestations"), 3),
        (new("Technicien informatique", "Technicienne informatique"), 2), (new("Chef de projet", "Cheffe de projet"), 2),
        (AdministrativeManager, 2),
    ];

    public static readonly IReadOnlyList<(DemoJob Job, int Weight)> IndustrialStaff =
    [
        (new("Ingénieur d'intégration", "Ingénieure d'intégration"), 3), (new("Développeur", "Développeuse"), 3),
        (new("Chef de projet", "Cheffe de projet"), 2), (new("Responsable support", "Responsable support"), 2),
    ];

    public static readonly DemoJob MedicalSecretary = new("Secrétaire médical", "Secrétaire médicale");
    public static readonly DemoJob PharmacyTechnician = new("Préparateur en pharmacie", "Préparatrice en pharmacie");

    /// <summary>
    /// The fictitious identities of the ANS test cards (F414): the integration kit (médecin, infirmier, CPE opposée, CPA)
    /// and individual cards. Last names are written as on the cards, e.g. "PHARM LABO RPPS-ADELI".
    /// </summary>
    public static readonly IReadOnlyList<(string LastName, DemoJob Job)> TestIdentities =
    [
        ("MEDECIN RPPS", new("Médecin (identité de test)", "Médecin (identité de test)", NationalIdKind.Rpps, 10)),
        ("MEDECIN 8 ACTIVITES", new("Médecin (identité de test)", "Médecin (identité de test)", NationalIdKind.Rpps, 10)),
        ("INFIRMIER RPPS", new("Infirmier (identité de test)", "Infirmière (identité de test)", NationalIdKind.Rpps, 60)),
        ("CPE OPPOSEE", new("Personnel d'établissement (identité de test)", "Personnel d'établissement (identité de test)")),
        ("CPA TEST", new("Personnel autorisé (identité de test)", "Personnel autorisé (identité de test)")),
        ("PHARM LABO RPPS-ADELI", new("Pharmacien biologiste (identité de test)", "Pharmacienne biologiste (identité de test)", NationalIdKind.Rpps, 21)),
        ("ORTHOPHONISTE ADELI", new("Orthophoniste (identité de test)", "Orthophoniste (identité de test)", NationalIdKind.Adeli, 91)),
    ];
}
