namespace CpsSupport.Features.Identifiers;

/// <summary>The identifiers the desk types, reads from mails and checks.</summary>
public enum IdentifierKind
{
    /// <summary>RPPS number of a health professional: 11 digits, Luhn key.</summary>
    Rpps,

    /// <summary>ADELI number of a health professional: 9 digits.</summary>
    Adeli,

    /// <summary>National identifier of a person: 8 + RPPS or 0 + ADELI.</summary>
    NationalId,

    /// <summary>FINESS number of a health or medico-social structure: 9 characters.</summary>
    Finess,

    /// <summary>SIREN number of a legal unit: 9 digits, Luhn key.</summary>
    Siren,

    /// <summary>SIRET number of an establishment: SIREN + 5-digit NIC, Luhn key (La Poste excepted).</summary>
    Siret,
}
