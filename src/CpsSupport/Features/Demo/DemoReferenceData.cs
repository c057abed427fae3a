namespace CpsSupport.Features.Demo;

/// <summary>The French towns, names and streets the demo data is drawn from.</summary>
internal static class DemoReferenceData
{
    public static readonly IReadOnlyList<DemoCity> Cities =
    [
        new("Paris", "75013", "75", "de Paris", "01", true),
        new("Paris", "75015", "75", "de Paris", "01", true),
        new("Paris", "75020", "75", "de Paris", "01", true),
        new("Créteil", "94000", "94", "du Val-de-Marne", "01", true),
        new("Versailles", "78000", "78", "des Yvelines", "01"),
        new("Lyon", "69003", "69", "du Rhône", "04", true),
        new("Lyon", "69008", "69", "du Rhône", "04", true),
        new("Villeurbanne", "69100", "69", "du Rhône", "04"),
        new("Marseille", "13005", "13", "des Bouches-du-Rhône", "04", true),
        new("Marseille", "13009", "13", "des Bouches-du-Rhône", "04", true),
        new("Aix-en-Provence", "13100", "13", "des Bouches-du-Rhône", "04"),
        new("Arles", "13200", "13", "des Bouches-du-Rhône", "04"),
        new("Toulouse", "31000", "31", "de la Haute-Garonne", "05", true),
        new("Toulouse", "31300", "31", "de la Haute-Garonne", "05", true),
        new("Nice", "06000", "06", "des Alpes-Maritimes", "04", true),
        new("Nantes", "44000", "44", "de la Loire-Atlantique", "02", true),
        new("Nantes", "44100", "44", "de la Loire-Atlantique", "02", true),
        new("Saint-Nazaire", "44600", "44", "de la Loire-Atlantique", "02"),
        new("Strasbourg", "67000", "67", "du Bas-Rhin", "03", true),
        new("Montpellier", "34000", "34", "de l'Hérault", "04", true),
        new("Béziers", "34500", "34", "de l'Hérault", "04"),
        new("Bordeaux", "33000", "33", "de la Gironde", "05", true),
        new("Bordeaux", "33800", "33", "de la Gironde", "05", true),
        new("Lille", "59000", "59", "du Nord", "03", true),
        new("Roubaix", "59100", "59", "du Nord", "03"),
        new("Rennes", "35000", "35", "d'Ille-et-Vilaine", "02", true),
        new("Saint-Malo", "35400", "35", "d'Ille-et-Vilaine", "02"),
        new("Reims", "51100", "51", "de la Marne", "03", true),
        new("Le Havre", "76600", "76", "de la Seine-Maritime", "02"),
        new("Rouen", "76000", "76", "de la Seine-Maritime", "02", true),
        new("Saint-Étienne", "42000", "42", "de la Loire", "04", true),
        new("Toulon", "83000", "83", "du Var", "04"),
        new("Grenoble", "38000", "38", "de l'Isère", "04", true),
        new("Dijon", "21000", "21", "de la Côte-d'Or", "03", true),
        new("Angers", "49000", "49", "de Maine-et-Loire", "02", true),
        new("Angers", "49100", "49", "de Maine-et-Loire", "02", true),
        new("Cholet", "49300", "49", "de Maine-et-Loire", "02"),
        new("Saumur", "49400", "49", "de Maine-et-Loire", "02"),
        new("Nîmes", "30000", "30", "du Gard", "04", true),
        new("Clermont-Ferrand", "63000", "63", "du Puy-de-Dôme", "04", true),
        new("Le Mans", "72000", "72", "de la Sarthe", "02"),
        new("Brest", "29200", "29", "du Finistère", "02", true),
        new("Quimper", "29000", "29", "du Finistère", "02"),
        new("Tours", "37000", "37", "d'Indre-et-Loire", "02", true),
        new("Amiens", "80000", "80", "de la Somme", "03", true),
        new("Limoges", "87000", "87", "de la Haute-Vienne", "05", true),
        new("Annecy", "74000", "74", "de la Haute-Savoie", "04"),
        new("Perpignan", "66000", "66", "des Pyrénées-Orientales", "04"),
        new("Metz", "57000", "57", "de la Moselle", "03"),
        new("Besançon", "25000", "25", "du Doubs", "03", true),
        new("Orléans", "45000", "45", "du Loiret", "02", true),
        new("Caen", "14000", "14", "du Calvados", "02", true),
        new("Nancy", "54000", "54", "de Meurthe-et-Moselle", "03", true),
        new("Poitiers", "86000", "86", "de la Vienne", "05", true),
        new("La Rochelle", "17000", "17", "de la Charente-Maritime", "05"),
        new("Pau", "64000", "64", "des Pyrénées-Atlantiques", "05"),
        new("Bayonne", "64100", "64", "des Pyrénées-Atlantiques", "05"),
        new("Vannes", "56000", "56", "du Morbihan", "02"),
        new("Lorient", "56100", "56", "du Morbihan", "02"),
        new("Saint-Brieuc", "22000", "22", "des Côtes-d'Armor", "02"),
        new("Laval", "53000", "53", "de la Mayenne", "02"),
        new("La Roche-sur-Yon", "85000", "85", "de la Vendée", "02"),
        new("Les Sables-d'Olonne", "85100", "85", "de la Vendée", "02"),
        new("Blois", "41000", "41", "de Loir-et-Cher", "02"),
        new("Chartres", "28000", "28", "d'Eure-et-Loir", "02"),
        new("Bourges", "18000", "18", "du Cher", "02"),
        new("Nevers", "58000", "58", "de la Nièvre", "03"),
        new("Auxerre", "89000", "89", "de l'Yonne", "03"),
        new("Troyes", "10000", "10", "de l'Aube", "03"),
        new("Colmar", "68000", "68", "du Haut-Rhin", "03"),
        new("Mulhouse", "68100", "68", "du Haut-Rhin", "03"),
        new("Belfort", "90000", "90", "du Territoire de Belfort", "03"),
        new("Valence", "26000", "26", "de la Drôme", "04"),
        new("Chambéry", "73000", "73", "de la Savoie", "04"),
        new("Avignon", "84000", "84", "de Vaucluse", "04"),
        new("Carcassonne", "11000", "11", "de l'Aude", "04"),
        new("Albi", "81000", "81", "du Tarn", "05"),
        new("Rodez", "12000", "12", "de l'Aveyron", "05"),
        new("Cahors", "46000", "46", "du Lot", "05"),
        new("Agen", "47000", "47", "de Lot-et-Garonne", "05"),
        new("Mont-de-Marsan", "40000", "40", "des Landes", "05"),
        new("Périgueux", "24000", "24", "de la Dordogne", "05"),
        new("Angoulême", "16000", "16", "de la Charente", "05"),
        new("Niort", "79000", "79", "des Deux-Sèvres", "05"),
        new("Bourg-en-Bresse", "01000", "01", "de l'Ain", "04"),
        new("Saint-Denis", "97400", "974", "de La Réunion", "0262", true),
        new("Saint-Pierre", "97410", "974", "de La Réunion", "0262"),
        new("Pointe-à-Pitre", "97110", "971", "de la Guadeloupe", "0590", true),
        new("Fort-de-France", "97200", "972", "de la Martinique", "0596", true),
        new("Ajaccio", "20000", "2A", "de la Corse-du-Sud", "04"),
        new("Porto-Vecchio", "20137", "2A", "de la Corse-du-Sud", "04"),
        new("Bastia", "20200", "2B", "de la Haute-Corse", "04"),
        new("Corte", "20250", "2B", "de la Haute-Corse", "04"),
    ];

    /// <summary>The home of the two demo structures the portal accounts are linked to; fictitious on purpose.</summary>
    public static readonly DemoCity TestSurLoire = new("Test-sur-Loire", "49999", "49", "de Maine-et-Loire", "02");

    public static readonly IReadOnlyList<string> FemaleFirstNames =
    [
        "Camille", "Marie", "Sophie", "Isabelle", "Nathalie", "Sandrine", "Céline", "Aurélie", "Émilie", "Julie",
        "Claire", "Anne", "Catherine", "Valérie", "Stéphanie", "Laure", "Hélène", "Élodie", "Caroline", "Virginie",
        "Sarah", "Léa", "Manon", "Chloé", "Inès", "Emma", "Pauline", "Mathilde", "Charlotte", "Lucie",
        "Agnès", "Christine", "Delphine", "Florence", "Martine", "Sylvie", "Véronique", "Brigitte", "Audrey", "Margaux",
        "Anaïs", "Justine", "Clémence", "Marion", "Amandine", "Morgane", "Laëtitia", "Noémie", "Océane", "Yasmine",
    ];

    public static readonly IReadOnlyList<string> MaleFirstNames =
    [
        "Nicolas", "Julien", "Thomas", "Pierre", "Jean", "Philippe", "Christophe", "Sébastien", "Laurent", "Olivier",
        "Frédéric", "Stéphane", "David", "Éric", "Vincent", "François", "Guillaume", "Antoine", "Maxime", "Alexandre",
        "Hugo", "Lucas", "Louis", "Arthur", "Mathieu", "Romain", "Benoît", "Jérôme", "Patrick", "Michel",
        "Alain", "Bernard", "Didier", "Thierry", "Yannick", "Fabrice", "Cédric", "Damien", "Gaël", "Loïc",
        "Karim", "Mehdi", "Raphaël", "Adrien", "Baptiste", "Clément", "Quentin", "Xavier", "Gilles", "Hervé",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
        "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
        "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
        "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois",
        "Benoît", "Rey", "Leclerc", "Rolland", "Guillaume", "Lecomte", "Lopez", "Dupuis", "Hubert", "Berger",
        "Carpentier", "Moulin", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein",
        "Jacquet", "Adam", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charpentier", "Ménard", "Maillard",
        "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Le Gall", "Collet", "Léger", "Bouvier", "Prévost",
        "Perrot", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Le Goff", "Pelletier", "Lévêque",
        "Leblanc", "Lebrun", "Weber", "Hamon", "Boulanger", "Monnier", "Michaud", "Tessier", "Chauvin", "Benali",
    ];

    /// <summary>Surnames common in Corsica and in La Réunion, used for people of structures there.</summary>
    public static readonly IReadOnlyList<string> CorsicanLastNames =
        ["Santoni", "Luciani", "Casanova", "Albertini", "Leca", "Paoli", "Susini", "Cristofari", "Mattei", "Filippi"];

    public static readonly IReadOnlyList<string> OverseasLastNames =
        ["Payet", "Hoarau", "Grondin", "Fontaine", "Rivière", "Técher", "Boyer", "Nativel", "Jean-Baptiste", "Alexis"];

    public static readonly IReadOnlyList<string> Streets =
    [
        "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue Pasteur", "place du Marché",
        "rue des Lilas", "avenue du Général de Gaulle", "rue Nationale", "rue de la Gare", "chemin des Vignes",
        "allée des Tilleuls", "rue du Docteur Roux", "boulevard de la Liberté", "rue Saint-Martin", "rue des Écoles",
        "avenue de la Libération", "rue Gambetta", "rue du Maréchal Foch", "place de l'Église", "rue Émile Zola",
        "impasse des Acacias", "rue de Verdun", "avenue des Platanes", "rue Jules Ferry", "rue du Moulin",
        "boulevard Pierre Mendès France", "rue Louis Pasteur", "rue de la Paix", "avenue Georges Clemenceau", "rue des Jardins",
    ];
}
