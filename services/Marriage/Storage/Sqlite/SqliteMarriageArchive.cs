using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Marriage.Storage.Sqlite;

/// <summary>
/// The archive in SQLite: records as JSON beside the keys that look them up. A person is in one standing marriage at
/// a time (primary key of <c>active_spouses</c>); one open divorce application per marriage (a partial unique index).
/// </summary>
internal sealed class SqliteMarriageArchive(SqliteDatabase database, OfficeClock clock, OutboxSignal signal) : IMarriageArchive
{
    public Task<long> NextNumberAsync(string series, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => Counters.NextAsync(connection, transaction, series), cancellationToken);

    public Task<RegistrationOutcome> RegisterAsync(MarriageRecord record, QueueTicket finishedTicket, int ticketVersion,
        IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        Notifying(events, database.WriteAsync<RegistrationOutcome>(async (connection, transaction) =>
        {
            var spouses = await connection.QueryAsync("SELECT id_number FROM active_spouses WHERE id_number IN ($a, $b)",
                r => r.GetString(0), transaction, ("$a", record.FirstParty.IdNumber.Value), ("$b", record.SecondParty.IdNumber.Value));
            if (spouses.Count > 0) return new RegistrationOutcome.PartyAlreadyMarried(spouses.Contains(record.FirstParty.IdNumber.Value) ? 1 : 2);
            if (!await SqliteHallStore.UpdateAsync(connection, transaction, finishedTicket, ticketVersion)) return new RegistrationOutcome.TicketChanged();
            if (finishedTicket.AppointmentId is { } appointmentId && await AppointmentRows.GetAsync(connection, transaction, appointmentId) is { } appointment)
            {
                await AppointmentRows.UpdateAsync(connection, transaction,
                    (appointment with { Status = AppointmentStatus.Served }).Noting(finishedTicket.CompletedAt!.Value, "served: marriage registered"));
                await SqliteAppointmentStore.ReleasePersonsAsync(connection, transaction, appointmentId);
            }
            var document = record.ToDocument();
            await connection.ExecuteAsync(
                "INSERT INTO marriage_records (marriage_id, office_id, registered_on, status, version, doc) VALUES ($id, $office, $on, $status, $version, $doc)",
                transaction, ("$id", record.MarriageId), ("$office", record.OfficeId), ("$on", Dates.Format(record.RegisteredOn)),
                ("$status", (int)record.Status), ("$version", record.Version), ("$doc", MarriageDocumentMapping.ToJson(document)));
            foreach (var idNumber in document.PartyIdNumbers)
                await connection.ExecuteAsync("INSERT INTO record_parties (id_number, marriage_id) VALUES ($n, $id)", transaction, ("$n", idNumber), ("$id", record.MarriageId));
            await IndexAsync(connection, transaction, record, document, previousEntries: 0);
            await SqliteOutbox.EnqueueAsync(connection, transaction, events);
            return new RegistrationOutcome.Registered(record);
        }, cancellationToken));

    public Task<MarriageRecord?> GetAsync(string marriageId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadRecordAsync(connection, null, marriageId));

    public Task<MarriageRecord?> GetByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            var marriageId = await connection.QuerySingleOrDefaultAsync("SELECT marriage_id FROM certificates WHERE number = $n",
                r => r.GetString(0), null, ("$n", certificateNumber));
            return marriageId is null ? null : await ReadRecordAsync(connection, null, marriageId);
        });

    public Task<IReadOnlyList<MarriageRecord>> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<MarriageRecord>>(async connection => await connection.QueryAsync(
            """
            SELECT m.doc FROM record_parties p JOIN marriage_records m ON m.marriage_id = p.marriage_id
            WHERE p.id_number = $n ORDER BY m.registered_on
            """,
            r => MarriageDocumentMapping.FromJson<MarriageRecordDocument>(r.GetString(0)).ToDomain(), null, ("$n", idNumber)));

    public Task<bool> UpdateAsync(MarriageRecord record, int expectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        Notifying(events, database.WriteAsync(async (connection, transaction) =>
        {
            if (!await UpdateRecordAsync(connection, transaction, record, expectedVersion)) return false;
            await SqliteOutbox.EnqueueAsync(connection, transaction, events);
            return true;
        }, cancellationToken));

    public async Task<bool> SaveDivorceStepAsync(DivorceApplication application, int? applicationExpectedVersion, MarriageRecord record,
        int recordExpectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        try
        {
            return await Notifying(events, database.WriteAsync(async (connection, transaction) =>
            {
                if (!await SaveDivorceStepAsync(connection, transaction, application, applicationExpectedVersion, record, recordExpectedVersion)) return false;
                await SqliteOutbox.EnqueueAsync(connection, transaction, events);
                return true;
            }, cancellationToken));
        }
        catch (RecordChangedException)
        {
            return false;
        }
    }

    private async Task<bool> SaveDivorceStepAsync(SqliteConnection connection, SqliteTransaction transaction, DivorceApplication application,
        int? applicationExpectedVersion, MarriageRecord record, int recordExpectedVersion)
    {
        var json = MarriageDocumentMapping.ToJson(application.ToDocument());
        if (applicationExpectedVersion is null)
        {
            try
            {
                await connection.ExecuteAsync(
                    "INSERT INTO divorce_applications (application_id, marriage_id, office_id, state, version, doc) VALUES ($id, $m, $office, $state, $version, $doc)",
                    transaction, ("$id", application.ApplicationId), ("$m", application.MarriageId), ("$office", application.OfficeId),
                    ("$state", (int)application.State), ("$version", application.Version), ("$doc", json));
            }
            catch (SqliteException error) when (error.IsUniqueViolation())
            {
                return false;
            }
        }
        else if (await connection.ExecuteAsync(
                     "UPDATE divorce_applications SET state = $state, version = $version, doc = $doc WHERE application_id = $id AND version = $expected",
                     transaction, ("$state", (int)application.State), ("$version", application.Version), ("$doc", json),
                     ("$id", application.ApplicationId), ("$expected", applicationExpectedVersion)) != 1)
        {
            return false;
        }
        // The application row is already written in this transaction: throwing rolls it back.
        if (await UpdateRecordAsync(connection, transaction, record, recordExpectedVersion)) return true;
        throw new RecordChangedException();
    }

    public Task<DivorceApplication?> GetDivorceAsync(string applicationId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT doc FROM divorce_applications WHERE application_id = $id",
            r => MarriageDocumentMapping.FromJson<DivorceDocument>(r.GetString(0)).ToDomain(), null, ("$id", applicationId)));

    public Task<IReadOnlyList<DivorceApplication>> GetOpenDivorcesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DivorceApplication>>(async connection => await connection.QueryAsync(
            $"SELECT doc FROM divorce_applications WHERE state = {(int)DivorceState.Open}",
            r => MarriageDocumentMapping.FromJson<DivorceDocument>(r.GetString(0)).ToDomain()));

    public Task<IReadOnlyDictionary<string, int>> CountEntriesAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, int>>(async connection => (await connection.QueryAsync(
            "SELECT action, COUNT(*) FROM archive_entries WHERE office_id = $office AND date = $date GROUP BY action",
            r => (Action: r.GetString(0), Count: r.GetInt32(1)), null, ("$office", officeId), ("$date", Dates.Format(date))))
            .ToDictionary(x => x.Action, x => x.Count));

    private async Task<bool> UpdateRecordAsync(SqliteConnection connection, SqliteTransaction transaction, MarriageRecord record, int expectedVersion)
    {
        var before = await ReadRecordAsync(connection, transaction, record.MarriageId);
        if (before is null || before.Version != expectedVersion) return false;
        var document = record.ToDocument();
        await connection.ExecuteAsync(
            "UPDATE marriage_records SET status = $status, version = $version, doc = $doc WHERE marriage_id = $id AND version = $expected",
            transaction, ("$status", (int)record.Status), ("$version", record.Version), ("$doc", MarriageDocumentMapping.ToJson(document)),
            ("$id", record.MarriageId), ("$expected", expectedVersion));
        await IndexAsync(connection, transaction, record, document, before.History.Count);
        return true;
    }

    /// <summary>Keeps the look-up keys in step with the record: certificates, standing spouses, archive entries by day.</summary>
    private async Task IndexAsync(SqliteConnection connection, SqliteTransaction transaction, MarriageRecord record,
        MarriageRecordDocument document, int previousEntries)
    {
        foreach (var number in document.CertificateNumbers)
            await connection.ExecuteAsync("INSERT OR IGNORE INTO certificates (number, marriage_id) VALUES ($n, $id)", transaction, ("$n", number), ("$id", record.MarriageId));
        if (document.ActiveSpouses is { } spouses)
        {
            foreach (var idNumber in spouses)
                await connection.ExecuteAsync("INSERT OR IGNORE INTO active_spouses (id_number, marriage_id) VALUES ($n, $id)", transaction, ("$n", idNumber), ("$id", record.MarriageId));
        }
        else
        {
            await connection.ExecuteAsync("DELETE FROM active_spouses WHERE marriage_id = $id", transaction, ("$id", record.MarriageId));
        }
        foreach (var entry in record.History.Skip(previousEntries))
        {
            await connection.ExecuteAsync(
                "INSERT INTO archive_entries (marriage_id, office_id, date, action, at) VALUES ($id, $office, $date, $action, $at)",
                transaction, ("$id", record.MarriageId), ("$office", entry.OfficeId), ("$date", Dates.Format(OfficeDate(entry.At))),
                ("$action", entry.Action), ("$at", entry.At.UtcDateTime.ToString("O")));
        }
    }

    /// <summary>Archive entries are counted by the office's local date.</summary>
    private DateOnly OfficeDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime);

    private static Task<MarriageRecord?> ReadRecordAsync(SqliteConnection connection, SqliteTransaction? transaction, string marriageId) =>
        connection.QuerySingleOrDefaultAsync("SELECT doc FROM marriage_records WHERE marriage_id = $id",
            r => MarriageDocumentMapping.FromJson<MarriageRecordDocument>(r.GetString(0)).ToDomain(), transaction, ("$id", marriageId));

    /// <summary>Wakes the outbox relay once the transaction holding new events has committed.</summary>
    private async Task<T> Notifying<T>(IReadOnlyList<OutboxMessage> events, Task<T> write)
    {
        var result = await write;
        if (events.Count > 0) signal.Notify();
        return result;
    }

    /// <summary>Rolls back a divorce step whose record changed after its application was written.</summary>
    private sealed class RecordChangedException : Exception;
}
