using CpsSupport.Features.Structures;
using Npgsql;
using NpgsqlTypes;

namespace CpsSupport.Bench.Data;

/// <summary>Writes a generated registry into a migrated, empty database with binary COPY, in one transaction.</summary>
public static class RegistryLoader
{
    public static async Task LoadAsync(string connectionString, GeneratedRegistry registry, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            // The rows are consistent by construction: skip the per-row foreign-key triggers, as pg_restore does.
            await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", ct);
            await CopyPeopleAsync(connection, registry, ct);
            await CopyStructuresAsync(connection, registry, ct);
            await CopyMandatesAsync(connection, registry, ct);
            await CopyCardsAsync(connection, registry, ct);
            await CopyCardEventsAsync(connection, registry, ct);
            await transaction.CommitAsync(ct);
        }
        // Statistics and the visibility map as a long-lived database has them; without them plans are guesses.
        await ExecuteAsync(connection, "VACUUM (ANALYZE) people, structures, mandates, cards, card_events", ct);
    }

    private static async Task CopyPeopleAsync(NpgsqlConnection connection, GeneratedRegistry registry, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY people (id, national_id_kind, national_id, last_name, first_name, profession, email, phone, " +
            "correspondence_address_line1, correspondence_address_line2, correspondence_address_postal_code, " +
            "correspondence_address_city, correspondence_address_country, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var p in registry.People)
        {
            copy.StartRow();
            copy.Write(p.Id, NpgsqlDbType.Uuid);
            copy.Write(p.NationalIdKind.ToString(), NpgsqlDbType.Varchar);
            WriteText(copy, p.NationalId);
            copy.Write(p.LastName, NpgsqlDbType.Varchar);
            copy.Write(p.FirstName, NpgsqlDbType.Varchar);
            WriteText(copy, p.Profession);
            WriteText(copy, p.Email);
            WriteText(copy, p.Phone);
            WriteAddress(copy, p.CorrespondenceAddress);
            copy.Write(p.CreatedAt, NpgsqlDbType.TimestampTz);
            copy.Write(p.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyStructuresAsync(NpgsqlConnection connection, GeneratedRegistry registry, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY structures (id, kind, name, finess, siret, siren, " +
            "delivery_address_line1, delivery_address_line2, delivery_address_postal_code, delivery_address_city, delivery_address_country, " +
            "correspondence_address_line1, correspondence_address_line2, correspondence_address_postal_code, correspondence_address_city, correspondence_address_country, " +
            "has_membership_contract, legal_representative_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var s in registry.Structures)
        {
            copy.StartRow();
            copy.Write(s.Id, NpgsqlDbType.Uuid);
            copy.Write(s.Kind.ToString(), NpgsqlDbType.Varchar);
            copy.Write(s.Name, NpgsqlDbType.Varchar);
            WriteText(copy, s.Finess);
            WriteText(copy, s.Siret);
            WriteText(copy, s.Siren);
            WriteAddress(copy, s.DeliveryAddress);
            WriteAddress(copy, s.CorrespondenceAddress);
            copy.Write(s.HasMembershipContract, NpgsqlDbType.Boolean);
            if (s.LegalRepresentativeId is { } representative) copy.Write(representative, NpgsqlDbType.Uuid);
            else copy.WriteNull();
            copy.Write(s.CreatedAt, NpgsqlDbType.TimestampTz);
            copy.Write(s.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyMandatesAsync(NpgsqlConnection connection, GeneratedRegistry registry, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY mandates (id, structure_id, person_id, starts_on, ends_on, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var m in registry.Mandates)
        {
            copy.StartRow();
            copy.Write(m.Id, NpgsqlDbType.Uuid);
            copy.Write(m.StructureId, NpgsqlDbType.Uuid);
            copy.Write(m.PersonId, NpgsqlDbType.Uuid);
            copy.Write(m.StartsOn, NpgsqlDbType.Date);
            WriteDate(copy, m.EndsOn);
            copy.Write(m.CreatedAt, NpgsqlDbType.TimestampTz);
            copy.Write(m.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyCardsAsync(NpgsqlConnection connection, GeneratedRegistry registry, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY cards (id, type, serial_number, holder_id, structure_id, status, valid_from, valid_until, " +
            "opposed_at, opposition_reason, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var c in registry.Cards)
        {
            copy.StartRow();
            copy.Write(c.Id, NpgsqlDbType.Uuid);
            copy.Write(c.Type.ToString(), NpgsqlDbType.Varchar);
            copy.Write(c.SerialNumber, NpgsqlDbType.Varchar);
            copy.Write(c.HolderId, NpgsqlDbType.Uuid);
            if (c.StructureId is { } structureId) copy.Write(structureId, NpgsqlDbType.Uuid);
            else copy.WriteNull();
            copy.Write(c.Status.ToString(), NpgsqlDbType.Varchar);
            WriteDate(copy, c.ValidFrom);
            WriteDate(copy, c.ValidUntil);
            if (c.OpposedAt is { } opposedAt) copy.Write(opposedAt, NpgsqlDbType.TimestampTz);
            else copy.WriteNull();
            WriteText(copy, c.OppositionReason);
            copy.Write(c.CreatedAt, NpgsqlDbType.TimestampTz);
            copy.Write(c.UpdatedAt, NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task CopyCardEventsAsync(NpgsqlConnection connection, GeneratedRegistry registry, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY card_events (card_id, at, status, actor, reason) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var e in registry.CardEvents)
        {
            copy.StartRow();
            copy.Write(e.CardId, NpgsqlDbType.Uuid);
            copy.Write(e.At, NpgsqlDbType.TimestampTz);
            copy.Write(e.Status.ToString(), NpgsqlDbType.Varchar);
            copy.Write(e.Actor, NpgsqlDbType.Varchar);
            WriteText(copy, e.Reason);
        }
        await copy.CompleteAsync(ct);
    }

    private static void WriteAddress(NpgsqlBinaryImporter copy, Address address)
    {
        copy.Write(address.Line1, NpgsqlDbType.Varchar);
        WriteText(copy, address.Line2);
        copy.Write(address.PostalCode, NpgsqlDbType.Varchar);
        copy.Write(address.City, NpgsqlDbType.Varchar);
        copy.Write(address.Country, NpgsqlDbType.Varchar);
    }

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Varchar);
    }

    private static void WriteDate(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } date) copy.Write(date, NpgsqlDbType.Date);
        else copy.WriteNull();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
