using CpsSupport.Features.Access;
using Npgsql;

namespace CpsSupport.Bench.Data;

/// <summary>
/// What the benchmarks look for, read from the loaded registry by rank so every run picks the same rows:
/// a serial, an RPPS national id and a FINESS from the middle of their index, and the mandatary scope of the
/// largest structure that has a running mandate (the heaviest portal user).
/// </summary>
public sealed record BenchTargets(
    string Serial, string RppsNationalId, string Finess,
    Guid MandataryStructureId, string MandataryStructureName, int MandataryStructureCards, string SerialInMandataryStructure)
{
    /// <summary>A surname fragment typed in the search box: matches Dupont, Dupond, Duponchel.</summary>
    public const string NameFragment = "dupo";
    /// <summary>A structure name fragment: "Pasteur" is one of the themes structures are named after.</summary>
    public const string StructureNameFragment = "Pasteur";

    public string Describe() =>
        $"serial {Serial}, national id {RppsNationalId}, FINESS {Finess}, name fragments \"{NameFragment}\" and \"{StructureNameFragment}\", " +
        $"mandatary scope: \"{MandataryStructureName}\" ({MandataryStructureCards} cards, serial {SerialInMandataryStructure})";

    public AccessScope MandataryScope => new(Guid.Empty, IsDesk: false, IsSupervisor: false, new HashSet<Guid> { MandataryStructureId });

    public static async Task<BenchTargets> LoadAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var serial = await ScalarAsync<string>(connection,
            "SELECT serial_number FROM cards ORDER BY serial_number OFFSET (SELECT count(*) / 2 FROM cards) LIMIT 1", ct);
        var nationalId = await ScalarAsync<string>(connection,
            "SELECT national_id FROM people WHERE national_id_kind = 'Rpps' ORDER BY national_id " +
            "OFFSET (SELECT count(*) / 2 FROM people WHERE national_id_kind = 'Rpps') LIMIT 1", ct);
        var finess = await ScalarAsync<string>(connection,
            "SELECT finess FROM structures WHERE finess IS NOT NULL ORDER BY finess " +
            "OFFSET (SELECT count(*) / 2 FROM structures WHERE finess IS NOT NULL) LIMIT 1", ct);

        await using var command = new NpgsqlCommand(
            """
            SELECT s.id, s.name, (SELECT count(*) FROM cards c WHERE c.structure_id = s.id)::int AS cards
            FROM structures s
            WHERE EXISTS (SELECT 1 FROM mandates m WHERE m.structure_id = s.id AND m.ends_on IS NULL)
            ORDER BY cards DESC, s.id
            LIMIT 1
            """, connection);
        Guid structureId;
        string structureName;
        int structureCards;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The registry holds no running mandate.");
            (structureId, structureName, structureCards) = (reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2));
        }
        await using var inScope = new NpgsqlCommand(
            "SELECT serial_number FROM cards WHERE structure_id = @id ORDER BY serial_number OFFSET @half LIMIT 1", connection);
        inScope.Parameters.AddWithValue("id", structureId);
        inScope.Parameters.AddWithValue("half", structureCards / 2);
        var scopedSerial = (string)(await inScope.ExecuteScalarAsync(ct))!;
        return new BenchTargets(serial, nationalId, finess, structureId, structureName, structureCards, scopedSerial);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
