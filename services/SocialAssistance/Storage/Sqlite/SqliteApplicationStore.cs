using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

internal sealed class SqliteApplicationStore(SqliteDatabase database, OutboxSignal signal) : IApplicationStore
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

    public Task<bool> UpdateAsync(DibaoApplication application, int expectedVersion, IdempotencyClaim? claim, IReadOnlyList<OutboxMessage> events) =>
        signal.AfterAsync(events, database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(
                """
                UPDATE applications SET status = $status, open_household_id = $open, version = $version, doc = $doc
                WHERE id = $id AND version = $expected
                """,
                transaction, ("$id", application.Id), ("$status", application.Status.Code()),
                ("$open", application.IsOpen ? application.HouseholdId : null), ("$version", application.Version),
                ("$expected", expectedVersion), ("$doc", DocumentJson.Serialize(application)));
            if (changed == 0) return false;
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, application.Id);
            await SqliteOutbox.EnqueueAsync(connection, transaction, events);
            return true;
        }));

    public Task<IReadOnlyList<DibaoApplication>> ListByStatusAsync(IReadOnlyCollection<ApplicationStatus> statuses) =>
        SqliteDocuments.ListByStatusAsync<DibaoApplication>(database, "applications", "submitted_at, id", statuses.Select(s => s.Code()));
}
