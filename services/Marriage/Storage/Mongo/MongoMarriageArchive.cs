using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>
/// The archive in MongoDB. A person is in one standing marriage at a time (unique index on <c>activeSpouses</c>),
/// one open divorce application per marriage (unique index on <c>openFor</c>); every change writes its archive entry
/// row for the day's statistics in the same transaction.
/// </summary>
internal sealed class MongoMarriageArchive(MongoMarriageCollections db, OfficeClock clock, OutboxSignal signal) : IMarriageArchive
{
    public Task<long> NextNumberAsync(string series, CancellationToken cancellationToken) => db.NextAsync(null, series, cancellationToken);

    public async Task<RegistrationOutcome> RegisterAsync(MarriageRecord record, QueueTicket finishedTicket, int ticketVersion,
        IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        try
        {
            return await Notifying(events, db.InTransactionAsync<RegistrationOutcome>(async (s, ct) =>
            {
                var replaced = await db.Tickets.ReplaceOneAsync(s, MarriageQueries.TicketAtVersion(finishedTicket.TicketId, ticketVersion),
                    finishedTicket.ToDocument(), cancellationToken: ct);
                if (replaced.ModifiedCount != 1) return new RegistrationOutcome.TicketChanged();
                if (finishedTicket.AppointmentId is { } appointmentId
                    && await db.Appointments.Find(s, a => a.Id == appointmentId).FirstOrDefaultAsync(ct) is { } document)
                {
                    var served = (MongoAppointmentStore.ToDomain(document) with { Status = AppointmentStatus.Served })
                        .Noting(finishedTicket.CompletedAt!.Value, "served: marriage registered");
                    await db.Appointments.ReplaceOneAsync(s, a => a.Id == appointmentId, MongoAppointmentStore.ToDocument(served), cancellationToken: ct);
                }
                await db.Records.InsertOneAsync(s, record.ToDocument(), cancellationToken: ct);
                await WriteEntriesAsync(s, record, 0, ct);
                await MongoOutbox.EnqueueAsync(db.Database, s, events, ct);
                return new RegistrationOutcome.Registered(record);
            }, cancellationToken));
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            var first = record.FirstParty.IdNumber.Value;
            var married = await db.Records.Find(r => r.ActiveSpouses!.Contains(first)).AnyAsync(cancellationToken);
            return new RegistrationOutcome.PartyAlreadyMarried(married ? 1 : 2);
        }
    }

    public async Task<MarriageRecord?> GetAsync(string marriageId, CancellationToken cancellationToken) =>
        (await db.Records.Find(r => r.MarriageId == marriageId).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<MarriageRecord?> GetByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
        (await db.Records.Find(r => r.CertificateNumbers.Contains(certificateNumber)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<MarriageRecord>> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken) =>
        (await db.Records.Find(r => r.PartyIdNumbers.Contains(idNumber)).SortBy(r => r.RegisteredOn).ToListAsync(cancellationToken))
        .Select(r => r.ToDomain()).ToList();

    public Task<bool> UpdateAsync(MarriageRecord record, int expectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        Notifying(events, db.InTransactionAsync(async (s, ct) =>
        {
            if (!await UpdateRecordAsync(s, record, expectedVersion, ct)) return false;
            await MongoOutbox.EnqueueAsync(db.Database, s, events, ct);
            return true;
        }, cancellationToken));

    public async Task<bool> SaveDivorceStepAsync(DivorceApplication application, int? applicationExpectedVersion, MarriageRecord record,
        int recordExpectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        try
        {
            return await Notifying(events, db.InTransactionAsync(async (s, ct) =>
            {
                if (applicationExpectedVersion is null)
                {
                    await db.Divorces.InsertOneAsync(s, application.ToDocument(), cancellationToken: ct);
                }
                else if ((await db.Divorces.ReplaceOneAsync(s, MarriageQueries.DivorceAtVersion(application.ApplicationId, applicationExpectedVersion.Value),
                             application.ToDocument(), cancellationToken: ct)).ModifiedCount != 1)
                {
                    await s.AbortTransactionAsync(ct);
                    return false;
                }
                if (await UpdateRecordAsync(s, record, recordExpectedVersion, ct))
                {
                    await MongoOutbox.EnqueueAsync(db.Database, s, events, ct);
                    return true;
                }
                await s.AbortTransactionAsync(ct);
                return false;
            }, cancellationToken));
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<DivorceApplication?> GetDivorceAsync(string applicationId, CancellationToken cancellationToken) =>
        (await db.Divorces.Find(d => d.ApplicationId == applicationId).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<DivorceApplication>> GetOpenDivorcesAsync(CancellationToken cancellationToken) =>
        (await db.Divorces.Find(MarriageQueries.OpenDivorces()).ToListAsync(cancellationToken)).Select(d => d.ToDomain()).ToList();

    public async Task<IReadOnlyDictionary<string, int>> CountEntriesAsync(string officeId, DateOnly date, CancellationToken cancellationToken)
    {
        var day = Dates.Format(date);
        var counts = await db.Entries.Aggregate()
            .Match(e => e.OfficeId == officeId && e.Date == day)
            .Group(e => e.Action, g => new { Action = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Action, c => c.Count);
    }

    /// <summary>Wakes the outbox relay once the transaction holding new events has committed.</summary>
    private async Task<T> Notifying<T>(IReadOnlyList<OutboxMessage> events, Task<T> write)
    {
        var result = await write;
        if (events.Count > 0) signal.Notify();
        return result;
    }

    private async Task<bool> UpdateRecordAsync(IClientSessionHandle session, MarriageRecord record, int expectedVersion, CancellationToken cancellationToken)
    {
        var before = await db.Records.Find(session, MarriageQueries.RecordAtVersion(record.MarriageId, expectedVersion)).FirstOrDefaultAsync(cancellationToken);
        if (before is null) return false;
        await db.Records.ReplaceOneAsync(session, MarriageQueries.RecordAtVersion(record.MarriageId, expectedVersion), record.ToDocument(),
            cancellationToken: cancellationToken);
        await WriteEntriesAsync(session, record, before.History.Count, cancellationToken);
        return true;
    }

    private async Task WriteEntriesAsync(IClientSessionHandle session, MarriageRecord record, int previousEntries, CancellationToken cancellationToken)
    {
        var rows = record.History.Skip(previousEntries).Select(e => new ArchiveEntryRow
        {
            MarriageId = record.MarriageId, OfficeId = e.OfficeId, Action = e.Action, At = e.At.UtcDateTime,
            Date = Dates.Format(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, clock.Zone).DateTime)),
        }).ToList();
        if (rows.Count > 0) await db.Entries.InsertManyAsync(session, rows, cancellationToken: cancellationToken);
    }
}
