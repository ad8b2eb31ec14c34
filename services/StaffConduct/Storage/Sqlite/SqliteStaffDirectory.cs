using System.Text.Json;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteStaffDirectory(SqliteDatabase database) : IStaffDirectory
{
    private const string Columns =
        "s.id, s.badge_number, s.name, s.photo_url, s.window_type, s.office_id, s.post, s.duties, s.party_member, s.registered_at, s.version";

    public async Task<StaffWrite> AddAsync(StaffMember member, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        return await WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("""
                INSERT INTO staff_members (id, badge_number, name, photo_url, window_type, office_id, post, duties, party_member,
                                           registered_at, version, request_fingerprint, idempotency_key)
                VALUES (@id, @badge, @name, @photo, @window, @office, @post, @duties, @party, @at, @version, @fingerprint, @key)
                """, transaction, [.. ProfileParameters(member), ("@at", SqliteValues.Instant(member.RegisteredAt)),
                ("@fingerprint", tag?.Fingerprint), ("@key", tag?.Key)]);
            await AppendHistoryAsync(connection, transaction, StaffChange.Registration(member), null);
        }, cancellationToken);
    }

    public async Task<StaffWrite> UpdateAsync(StaffMember updated, StaffChange change, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        await WriteAsync(async (connection, transaction) =>
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE staff_members SET badge_number = @badge, name = @name, photo_url = @photo, window_type = @window,
                    office_id = @office, post = @post, duties = @duties, party_member = @party, version = @version
                WHERE id = @id AND version = @version - 1
                """, transaction, ProfileParameters(updated));
            if (rows == 0) throw new VersionMoved();
            await AppendHistoryAsync(connection, transaction, change, tag);
        }, cancellationToken);

    public async Task<Remembered<StaffMember>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns}, s.request_fingerprint FROM staff_members s WHERE s.idempotency_key = @key",
            r => new Remembered<StaffMember>(Read(r), r.GetString(11)), null, ("@key", key)));

    public async Task<Remembered<StaffMember>?> FindChangeByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync("""
            SELECT h.staff_id, h.version, h.profile, h.request_fingerprint, s.registered_at
            FROM staff_history h JOIN staff_members s ON s.id = h.staff_id
            WHERE h.idempotency_key = @key
            """,
            r => new Remembered<StaffMember>(
                new StaffMember(r.GetString(0), ReadProfile(r.GetString(2)), r.ReadInstant(4), r.GetInt32(1)), r.GetString(3)),
            null, ("@key", key)));

    public Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM staff_members s WHERE s.id = @id", Read, null, ("@id", staffId)));

    public async Task<IReadOnlyList<StaffMember>> ListByIdsAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await database.ReadAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM staff_members s WHERE s.id IN (SELECT value FROM json_each(@ids)) ORDER BY s.badge_number",
            Read, null, ("@ids", SqliteValues.List(staffIds))));

    public async Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync($"""
            SELECT {Columns} FROM staff_members s
            WHERE s.window_type = @window AND (@office IS NULL OR s.office_id = @office)
            ORDER BY s.badge_number
            """, Read, null, ("@window", (int)window), ("@office", officeId)));

    public async Task<IReadOnlyList<StaffChange>> ListHistoryAsync(string staffId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync("""
            SELECT staff_id, version, profile, valid_from, reason, changed_by FROM staff_history
            WHERE staff_id = @id ORDER BY version
            """,
            r => new StaffChange(r.GetString(0), r.GetInt32(1), ReadProfile(r.GetString(2)), r.ReadInstant(3), r.GetString(4), r.GetString(5)),
            null, ("@id", staffId)));

    /// <summary>Runs a write and turns unique-key failures into the port's answers (the transaction is rolled back).</summary>
    private async Task<StaffWrite> WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await database.WriteAsync(write, cancellationToken);
            return StaffWrite.Written;
        }
        catch (VersionMoved)
        {
            return StaffWrite.VersionConflict;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("staff_members.idempotency_key") ||
                                            error.IsUniqueViolationOf("staff_history.idempotency_key"))
        {
            return StaffWrite.IdempotencyKeyTaken;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf("staff_members.badge_number"))
        {
            return StaffWrite.BadgeNumberTaken;
        }
    }

    private static Task AppendHistoryAsync(SqliteConnection connection, SqliteTransaction transaction, StaffChange change, IdempotencyTag? tag) =>
        connection.ExecuteAsync("""
            INSERT INTO staff_history (staff_id, version, profile, valid_from, reason, changed_by, idempotency_key, request_fingerprint)
            VALUES (@id, @version, @profile, @from, @reason, @by, @key, @fingerprint)
            """, transaction,
            ("@id", change.StaffId), ("@version", change.Version), ("@profile", JsonSerializer.Serialize(change.Profile)),
            ("@from", SqliteValues.Instant(change.ValidFrom)), ("@reason", change.Reason), ("@by", change.ChangedBy),
            ("@key", tag?.Key), ("@fingerprint", tag?.Fingerprint));

    private static (string, object?)[] ProfileParameters(StaffMember member)
    {
        var p = member.Profile;
        return
        [
            ("@id", member.Id), ("@badge", p.BadgeNumber), ("@name", p.Name), ("@photo", p.PhotoUrl), ("@window", (int)p.Window),
            ("@office", p.OfficeId), ("@post", p.Post), ("@duties", SqliteValues.List(p.Duties)), ("@party", p.PartyMember ? 1 : 0),
            ("@version", member.Version),
        ];
    }

    private static StaffProfile ReadProfile(string json) =>
        JsonSerializer.Deserialize<StaffProfile>(json) ?? throw new InvalidDataException("a staff history row holds no profile");

    private static StaffMember Read(SqliteDataReader r) => new(
        r.GetString(0),
        new StaffProfile(r.GetString(2), r.GetString(1), r.GetString(3), (Window)r.GetInt32(4), r.GetString(5),
            r.GetString(6), r.ReadList(7), r.GetInt32(8) != 0),
        r.ReadInstant(9),
        r.GetInt32(10));

    /// <summary>The conditional update matched no row: the stored version moved on.</summary>
    private sealed class VersionMoved : Exception;
}
