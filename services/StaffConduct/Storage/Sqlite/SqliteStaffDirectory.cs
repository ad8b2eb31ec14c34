using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteStaffDirectory(SqliteDatabase database) : IStaffDirectory
{
    private const string Columns =
        "id, badge_number, name, photo_url, window_type, office_id, post, duties, party_member, registered_at, version, request_fingerprint";

    public async Task<StaffInsert> AddAsync(StaffMember member, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        var p = member.Profile;
        try
        {
            await database.WriteAsync((connection, transaction) => connection.ExecuteAsync($"""
                INSERT INTO staff_members ({Columns}, idempotency_key)
                VALUES (@id, @badge, @name, @photo, @window, @office, @post, @duties, @party, @at, @version, @fingerprint, @key)
                """, transaction,
                ("@id", member.Id), ("@badge", p.BadgeNumber), ("@name", p.Name), ("@photo", p.PhotoUrl),
                ("@window", (int)p.Window), ("@office", p.OfficeId), ("@post", p.Post), ("@duties", SqliteValues.List(p.Duties)),
                ("@party", p.PartyMember ? 1 : 0), ("@at", SqliteValues.Instant(member.RegisteredAt)), ("@version", member.Version),
                ("@fingerprint", tag?.Fingerprint), ("@key", tag?.Key)), cancellationToken);
            return StaffInsert.Added;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("staff_members.idempotency_key"))
        {
            return StaffInsert.IdempotencyKeyTaken;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("staff_members.badge_number"))
        {
            return StaffInsert.BadgeNumberTaken;
        }
    }

    public async Task<Remembered<StaffMember>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM staff_members WHERE idempotency_key = @key",
            r => new Remembered<StaffMember>(Read(r), r.GetString(11)), null, ("@key", key)));

    public Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM staff_members WHERE id = @id", Read, null, ("@id", staffId)));

    public async Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM staff_members
            WHERE window_type = @window AND (@office IS NULL OR office_id = @office)
            ORDER BY badge_number
            """, Read, null, ("@window", (int)window), ("@office", officeId)));

    private static StaffMember Read(SqliteDataReader r) => new(
        r.GetString(0),
        new StaffProfile(r.GetString(2), r.GetString(1), r.GetString(3), (Window)r.GetInt32(4), r.GetString(5),
            r.GetString(6), r.ReadList(7), r.GetInt32(8) != 0),
        r.ReadInstant(9),
        r.GetInt32(10));
}
