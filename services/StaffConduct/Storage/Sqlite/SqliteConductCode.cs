using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal sealed class SqliteConductCode(SqliteDatabase database) : IConductCode
{
    private const string Columns = "id, part, text, active, version, updated_at";

    public async Task<bool> SaveAsync(ConductRule rule, CancellationToken cancellationToken = default) =>
        await database.WriteAsync((connection, transaction) => rule.Version == 1
            ? InsertAsync(connection, transaction, rule)
            : connection.ExecuteAsync("""
                UPDATE conduct_rules SET part = @part, text = @text, active = @active, version = @version, updated_at = @at
                WHERE id = @id AND version = @version - 1
                """, transaction, Parameters(rule)), cancellationToken) == 1;

    public Task<ConductRule?> GetAsync(string ruleId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM conduct_rules WHERE id = @id", Read, null, ("@id", ruleId)));

    public async Task<IReadOnlyList<ConductRule>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM conduct_rules WHERE @all = 1 OR active = 1 ORDER BY part, id",
            Read, null, ("@all", includeInactive ? 1 : 0)));

    public Task SeedAsync(IReadOnlyList<ConductRule> rules, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var count = connection.Command("SELECT COUNT(*) FROM conduct_rules", transaction);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) > 0) return;
            foreach (var rule in rules) await InsertAsync(connection, transaction, rule);
        }, cancellationToken);

    /// <summary>Inserts a new rule; 0 rows when a rule with that id exists already.</summary>
    private static Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, ConductRule rule) =>
        connection.ExecuteAsync($"""
            INSERT INTO conduct_rules ({Columns}) VALUES (@id, @part, @text, @active, @version, @at)
            ON CONFLICT (id) DO NOTHING
            """, transaction, Parameters(rule));

    private static (string, object?)[] Parameters(ConductRule rule) =>
    [
        ("@id", rule.Id), ("@part", (int)rule.Part), ("@text", rule.Text), ("@active", rule.Active ? 1 : 0),
        ("@version", rule.Version), ("@at", SqliteValues.Instant(rule.UpdatedAt)),
    ];

    private static ConductRule Read(SqliteDataReader r) =>
        new(r.GetString(0), (ConductPart)r.GetInt32(1), r.GetString(2), r.GetInt32(3) != 0, r.GetInt32(4), r.ReadInstant(5));
}
