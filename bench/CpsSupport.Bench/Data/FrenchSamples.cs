namespace CpsSupport.Bench.Data;

/// <summary>Word lists the generator draws from, so the registry reads like the real one (accents, hyphens, Corsica).</summary>
internal static class FrenchSamples
{
    public static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
        "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
        "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet",
        "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
        "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
        "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
        "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
        "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
        "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
        "Dupond", "Duponchel", "Santoni", "Paoli", "Casanova", "Nguyen", "Benali", "Haddad", "Diallo", "Kowalski",
    ];

    public static readonly string[] FirstNames =
    [
        "Marie", "Jean", "Pierre", "Michel", "Philippe", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise",
        "Alain", "Nicolas", "Christophe", "Stéphane", "Sophie", "Valérie", "Sandrine", "Patrick", "Christine", "Laurent",
        "Céline", "Julien", "Frédéric", "Aurélie", "Émilie", "Thomas", "Camille", "Julie", "Élodie", "Guillaume",
        "Anne", "Éric", "David", "Olivier", "Hélène", "Caroline", "Mathieu", "Vincent", "Sébastien", "Laure",
        "Jean-Pierre", "Jean-Luc", "Marie-Claire", "Anne-Sophie", "Pierre-Yves", "Marc", "Luc", "Agnès", "Bernard", "Claire",
        "Léa", "Manon", "Chloé", "Inès", "Hugo", "Lucas", "Louis", "Gabriel", "Arthur", "Jade",
        "Emma", "Louise", "Alice", "Léo", "Raphaël", "Maël", "Zoé", "Anaïs", "Mélanie", "Karine",
        "Yannick", "Gaëlle", "Benoît", "Grégoire", "Thibault", "Romain", "Amandine", "Audrey", "Pauline", "Mathilde",
    ];

    /// <summary>City, postal code; Ajaccio and Bastia give Corsican FINESS numbers (2A, 2B).</summary>
    public static readonly (string City, string PostalCode)[] Cities =
    [
        ("Paris", "75015"), ("Paris", "75013"), ("Paris", "75018"), ("Marseille", "13005"), ("Lyon", "69003"),
        ("Toulouse", "31000"), ("Nice", "06000"), ("Nantes", "44000"), ("Montpellier", "34000"), ("Strasbourg", "67000"),
        ("Bordeaux", "33000"), ("Lille", "59000"), ("Rennes", "35000"), ("Reims", "51100"), ("Toulon", "83000"),
        ("Saint-Étienne", "42000"), ("Le Havre", "76600"), ("Grenoble", "38000"), ("Dijon", "21000"), ("Angers", "49000"),
        ("Nîmes", "30000"), ("Clermont-Ferrand", "63000"), ("Aix-en-Provence", "13090"), ("Brest", "29200"), ("Tours", "37000"),
        ("Amiens", "80000"), ("Limoges", "87000"), ("Annecy", "74000"), ("Perpignan", "66000"), ("Metz", "57000"),
        ("Besançon", "25000"), ("Orléans", "45000"), ("Rouen", "76000"), ("Mulhouse", "68100"), ("Caen", "14000"),
        ("Nancy", "54000"), ("Argenteuil", "95100"), ("Montreuil", "93100"), ("Saint-Denis", "97400"), ("Fort-de-France", "97200"),
        ("Ajaccio", "20000"), ("Bastia", "20200"), ("Pau", "64000"), ("La Rochelle", "17000"), ("Quimper", "29000"),
        ("Vannes", "56000"), ("Chambéry", "73000"), ("Poitiers", "86000"), ("Troyes", "10000"), ("Colmar", "68000"),
    ];

    public static readonly string[] Streets =
    [
        "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Pasteur", "place de la Mairie",
        "rue du Général de Gaulle", "allée des Tilleuls", "chemin des Vignes", "rue de l'Église", "avenue de la Gare",
        "rue Nationale", "rue des Écoles", "impasse des Lilas", "quai de la Loire", "rue Saint-Martin",
        "avenue Foch", "rue Gambetta", "boulevard Voltaire", "rue Émile Zola", "route de Lyon",
    ];

    /// <summary>What structures are named after; "Pasteur" is the fragment the name search looks for.</summary>
    public static readonly string[] Themes =
    [
        "Pasteur", "Les Tilleuls", "Saint-Joseph", "du Parc", "des Lilas", "Les Oliviers", "Sainte-Marie", "du Centre",
        "de la Gare", "Les Acacias", "Bellevue", "du Lac", "Victor Hugo", "Jean Jaurès", "La Roseraie", "Les Glycines",
        "Saint-Martin", "du Littoral", "des Alpes", "Val de Loire", "Les Cèdres", "Beauséjour", "Les Peupliers", "Mont-Blanc",
        "Sainte-Anne", "Les Jardins", "de l'Europe", "Marie Curie", "Les Marronniers", "du Vieux Port", "Saint-Exupéry", "Les Mimosas",
    ];

    public static readonly string[] RppsProfessions =
        ["Médecin", "Médecin", "Médecin", "Pharmacien", "Infirmier", "Infirmier", "Chirurgien-dentiste", "Sage-femme", "Masseur-kinésithérapeute", "Pédicure-podologue"];

    public static readonly string[] AdeliProfessions =
        ["Psychologue", "Orthophoniste", "Orthoptiste", "Ergothérapeute", "Psychomotricien", "Audioprothésiste", "Opticien-lunetier"];

    public static readonly string[] StaffJobs =
        ["Secrétaire médicale", "Agent administratif", "Technicien de laboratoire", "Préparateur en pharmacie", "Agent d'accueil", "Responsable informatique", "Cadre de santé"];

    public static readonly string[] OppositionReasons =
        ["Perte de la carte", "Vol de la carte", "Départ de la structure", "Carte défectueuse", "Décès du porteur", "Code PIN compromis"];

    public static readonly string[] Agents =
        ["système", "Claire Morel (support)", "Julien Arnaud (support)", "Sophie Lemaire (support)", "Karim Benali (support)", "portail"];
}
