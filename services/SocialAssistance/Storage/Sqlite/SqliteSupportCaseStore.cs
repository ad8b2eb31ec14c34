using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

internal sealed class SqliteSupportCaseStore(SqliteDatabase database, OutboxSignal signal) : ISupportCaseStore
{
    public Task<SupportCase?> GetAsync(string id) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT doc FROM support_cases WHERE id = $id", r => DocumentJson.Deserialize<SupportCase>(r.GetString(0)), null, ("$id", id)));

    public Task<SupportWrite> AddAsync(SupportCase supportCase, Payment? payment, IdempotencyClaim? claim, IReadOnlyList<OutboxMessage> events) =>
        signal.AfterAsync(events, database.WriteAsync(async (connection, transaction) =>
        {
            if (supportCase.OpenKey is { } key && await connection.QuerySingleOrDefaultAsync(
                    "SELECT 1 FROM support_cases WHERE open_key = $key", r => true, transaction, ("$key", key)))
                return SupportWrite.AlreadyOpen;
            if (await PayAsync(connection, transaction, payment) is { } refused) return refused;
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, supportCase.Id);
            await connection.ExecuteAsync(
                """
                INSERT INTO support_cases (id, household_id, programme, status, open_key, version, opened_at, doc)
                VALUES ($id, $household, $programme, $status, $key, $version, $at, $doc)
                """,
                transaction, ("$id", supportCase.Id), ("$household", supportCase.HouseholdId), ("$programme", supportCase.Programme.Code()),
                ("$status", supportCase.Status.Code()), ("$key", supportCase.OpenKey), ("$version", supportCase.Version),
                ("$at", supportCase.OpenedAt.ToString("O")), ("$doc", DocumentJson.Serialize(supportCase)));
            await SqliteOutbox.EnqueueAsync(connection, transaction, events);
            return SupportWrite.Done;
        }));

    public Task<SupportWrite> UpdateAsync(SupportCase supportCase, int expectedVersion, Payment? payment, IdempotencyClaim? claim,
        IReadOnlyList<OutboxMessage> events) =>
        signal.AfterAsync(events, database.WriteAsync(async (connection, transaction) =>
        {
            // Writes are serialised: the version read here is the one the update below replaces.
            var version = await connection.QuerySingleOrDefaultAsync("SELECT version FROM support_cases WHERE id = $id",
                r => r.GetInt32(0), transaction, ("$id", supportCase.Id));
            if (version != expectedVersion) return SupportWrite.Stale;
            if (await PayAsync(connection, transaction, payment) is { } refused) return refused;
            await connection.ExecuteAsync(
                "UPDATE support_cases SET status = $status, open_key = $key, version = $version, doc = $doc WHERE id = $id",
                transaction, ("$id", supportCase.Id), ("$status", supportCase.Status.Code()), ("$key", supportCase.OpenKey),
                ("$version", supportCase.Version), ("$doc", DocumentJson.Serialize(supportCase)));
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, supportCase.Id);
            await SqliteOutbox.EnqueueAsync(connection, transaction, events);
            return SupportWrite.Done;
        }));

    public Task<IReadOnlyList<SupportCase>> ListByStatusAsync(IReadOnlyCollection<SupportStatus> statuses) =>
        SqliteDocuments.ListByStatusAsync<SupportCase>(database, "support_cases", "opened_at, id", statuses.Select(s => s.Code()));

    /// <summary>Pays, or says the household was already paid for the programme this month (nothing written then).</summary>
    private static async Task<SupportWrite?> PayAsync(SqliteConnection connection, SqliteTransaction transaction, Payment? payment)
    {
        if (payment is null) return null;
        if (await SqlitePaymentStore.AlreadyPaidAsync(connection, transaction, payment)) return SupportWrite.AlreadyPaid;
        await SqlitePaymentStore.InsertAsync(connection, transaction, payment);
        return null;
    }
}
