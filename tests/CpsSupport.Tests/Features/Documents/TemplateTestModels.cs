using CpsSupport.Features.Documents.Models;

namespace CpsSupport.Tests.Features.Documents;

/// <summary>A small model covering the value kinds templates print.</summary>
public sealed record SampleModel(DocumentPerson Holder, IncidentKind Kind, DateOnly On, bool Flag, string Siret, IReadOnlyList<string> Pieces)
{
    public static SampleModel Default() => new(
        new DocumentPerson("Madame", "Durand", "Élise"),
        IncidentKind.CodesNotReceived,
        new DateOnly(2026, 11, 23),
        true,
        "73282932000074",
        ["Copie de la pièce d'identité", "Formulaire signé"]);
}

/// <summary>A model that must be refused: it carries a card's unblock code.</summary>
public sealed record ModelWithSecret(string HolderName, string UnblockCode);

/// <summary>A model that must be refused: the PIN hides in a nested record.</summary>
public sealed record ModelWithNestedPin(string HolderName, CardWithPin Card);

public sealed record CardWithPin(string SerialNumber, string Pin);
