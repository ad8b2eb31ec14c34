using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>
/// The archive: a record is one document with its certificates and history, a divorce application another; every
/// history entry is also a line counted by office, day and action. A person is in one standing marriage at a time and a
/// marriage has one open application at a time: both are unique rules, decided by the engine in the same batch.
/// </summary>
internal sealed class MarriageArchive(IDocumentStore store, AppointmentStore appointments, NumberSeries numbers, OfficeClock clock) : IMarriageArchive
{
    public async Task<long> NextNumberAsync(string series, CancellationToken cancellationToken)
    {
        var earlier = await numbers.EarlierAsync(series, cancellationToken);
        var batch = new WriteBatch();
        var issued = batch.InsertNumbered(Numbers, series, (n, k) => n with { Number = earlier + k }, new IssuedNumber(series, 0));
        if (await store.CommitAsync(batch, cancellationToken) is { } conflict) throw Retries.Unexpected(conflict);
        return issued.Document.Number;
    }

    public async Task<RegistrationOutcome> RegisterAsync(MarriageRecord record, QueueTicket finishedTicket, int ticketVersion,
        IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var batch = new WriteBatch().Insert(Marriages, record).Replace(Tickets, finishedTicket, ticketVersion);
            if (finishedTicket.AppointmentId is { } appointmentId)
                await appointments.ChangeAsync(batch, appointmentId, a => (a with { Status = AppointmentStatus.Served })
                    .Noting(finishedTicket.CompletedAt!.Value, "served: marriage registered"), cancellationToken);
            switch (await store.CommitAsync(Lines(batch, record, 0).Outbox(events), cancellationToken))
            {
                case null:
                    return new RegistrationOutcome.Registered(record);
                case WriteConflict.DuplicateKey { Rule: OneStandingMarriage }:
                    var firstMarried = (await FindByIdNumberAsync(record.FirstParty.IdNumber.Value, cancellationToken)).Any(r => r.Stands);
                    return new RegistrationOutcome.PartyAlreadyMarried(firstMarried ? 1 : 2);
                case WriteConflict.Stale { Collection: var changed } when changed == Tickets.Name:
                    return new RegistrationOutcome.TicketChanged();
                case var conflict when conflict is not WriteConflict.Stale || attempt == Retries.Attempts:
                    throw Retries.Unexpected(conflict);
            }
        }
    }

    public async Task<MarriageRecord?> GetAsync(string marriageId, CancellationToken cancellationToken) =>
        (await store.GetAsync(Marriages, marriageId, cancellationToken))?.Document;

    public async Task<MarriageRecord?> GetByCertificateAsync(string certificateNumber, CancellationToken cancellationToken) =>
        (await store.FindAsync(Marriages, DocumentQuery.Where("certificates", certificateNumber).Take(1), cancellationToken)).FirstOrDefault()?.Document;

    public async Task<IReadOnlyList<MarriageRecord>> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken) =>
        (await store.FindAsync(Marriages, DocumentQuery.Where("parties", idNumber).OrderBy("registeredOn"), cancellationToken)).Select(r => r.Document).ToList();

    public async Task<bool> UpdateAsync(MarriageRecord record, int expectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) =>
        await ChangingAsync(new WriteBatch(), record, expectedVersion, cancellationToken) is { } batch
        && await store.CommitAsync(batch.Outbox(events), cancellationToken) is null;

    public async Task<bool> SaveDivorceStepAsync(DivorceApplication application, int? applicationExpectedVersion, MarriageRecord record,
        int recordExpectedVersion, IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        var batch = applicationExpectedVersion is { } expected
            ? new WriteBatch().Replace(Divorces, application, expected)
            : new WriteBatch().Insert(Divorces, application);
        return await ChangingAsync(batch, record, recordExpectedVersion, cancellationToken) is not null
               && await store.CommitAsync(batch.Outbox(events), cancellationToken) is null;
    }

    public async Task<DivorceApplication?> GetDivorceAsync(string applicationId, CancellationToken cancellationToken) =>
        (await store.GetAsync(Divorces, applicationId, cancellationToken))?.Document;

    public async Task<IReadOnlyList<DivorceApplication>> GetOpenDivorcesAsync(CancellationToken cancellationToken) =>
        (await store.FindAsync(Divorces, DocumentQuery.Where("state", DivorceState.Open), cancellationToken)).Select(d => d.Document).ToList();

    public async Task<IReadOnlyDictionary<string, int>> CountEntriesAsync(string officeId, DateOnly date, CancellationToken cancellationToken) =>
        (await store.GroupAsync(ArchiveLines, DocumentQuery.Where("office", officeId).And("date", date), ["action"], cancellationToken: cancellationToken))
        .ToDictionary(g => (string)g.Key[0]!, g => (int)g.Count);

    /// <summary>The record's replacement at the version read, with lines for the entries it appends; null when stale.
    /// Expected version 0: a new record (a marriage registered elsewhere, entered for its divorce).</summary>
    private async Task<WriteBatch?> ChangingAsync(WriteBatch batch, MarriageRecord record, int expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion == 0) return Lines(batch.Insert(Marriages, record), record, 0);
        var stored = await store.GetAsync(Marriages, record.MarriageId, cancellationToken);
        if (stored is null || stored.Version != expectedVersion) return null;
        return Lines(batch.Replace(Marriages, record, expectedVersion), record, stored.Document.History.Count);
    }

    /// <summary>A line per entry from <paramref name="from"/> on, dated in office time, keyed by its place in the history.</summary>
    private WriteBatch Lines(WriteBatch batch, MarriageRecord record, int from)
    {
        for (var i = from; i < record.History.Count; i++)
        {
            var entry = record.History[i];
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(entry.At, clock.Zone).DateTime);
            batch.Insert(ArchiveLines, new ArchiveLine($"{record.MarriageId}:{i}", record.MarriageId, entry.OfficeId, date, entry.Action));
        }
        return batch;
    }
}
