using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

internal sealed class SqliteApplicationStore(SqliteDatabase database) : IApplicationStore
{
    public Task<DibaoApplication?> GetAsync(string id) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT doc FROM applications WHERE id = $id", r => DocumentJson.Deserialize<DibaoApplication>(r.GetString(0)),
            null, ("$id", id)));

    public Task<DibaoApplication?> AddAsync(DibaoApplication application, IdempotencyClaim? claim) =>
        database.WriteAsync<DibaoApplication?>(async (connection, transaction) =>
        {
            var open = await connection.QuerySingleOrDefaultAsync(
                "SELECT doc FROM applications WHERE open_household_id = $household",
                r => DocumentJson.Deserialize<DibaoApplication>(r.GetString(0)), transaction, ("$household", application.HouseholdId));
            if (open is not null) return open;
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, application.Id);
            await connection.ExecuteAsync(
                """
                INSERT INTO applications (id, household_id, status, open_household_id, version, submitted_at, doc)
                VALUES ($id, $household, $status, $open, $version, $at, $doc)
                """,
                transaction, ("$id", application.Id), ("$household", application.HouseholdId), ("$status", application.Status.Code()),
                ("$open", application.IsOpen ? application.HouseholdId : null), ("$version", application.Version),
                ("$at", application.SubmittedAt.ToString("O")), ("$doc", DocumentJson.Serialize(application)));
            return null;
        });
}
