using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>The marriage service's collections and the indexes that carry its rules, created at start-up.</summary>
internal sealed class MongoMarriageCollections(IMongoClient client, IMongoDatabase database) : IStoreInitializer
{
    public IMongoClient Client { get; } = client;
    public IMongoDatabase Database { get; } = database;
    public IMongoCollection<OfficeDocument> Offices { get; } = database.GetCollection<OfficeDocument>("offices");
    public IMongoCollection<CalendarDayDocument> Days { get; } = database.GetCollection<CalendarDayDocument>("calendar_days");
    public IMongoCollection<SlotDocument> Slots { get; } = database.GetCollection<SlotDocument>("slots");
    public IMongoCollection<AppointmentDocument> Appointments { get; } = database.GetCollection<AppointmentDocument>("appointments");
    public IMongoCollection<IdempotencyDocument> Keys { get; } = database.GetCollection<IdempotencyDocument>("idempotency_keys");
    public IMongoCollection<TicketDocument> Tickets { get; } = database.GetCollection<TicketDocument>("tickets");
    public IMongoCollection<CounterDocument> Counters { get; } = database.GetCollection<CounterDocument>("counters");
    public IMongoCollection<MarriageRecordDocument> Records { get; } = database.GetCollection<MarriageRecordDocument>("marriage_records");
    public IMongoCollection<DivorceDocument> Divorces { get; } = database.GetCollection<DivorceDocument>("divorce_applications");
    public IMongoCollection<ArchiveEntryRow> Entries { get; } = database.GetCollection<ArchiveEntryRow>("archive_entries");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await Days.Indexes.CreateOneAsync(new CreateIndexModel<CalendarDayDocument>(
            Builders<CalendarDayDocument>.IndexKeys.Ascending(d => d.OfficeId).Ascending(d => d.Date)), cancellationToken: cancellationToken);
        await Days.Indexes.CreateOneAsync(new CreateIndexModel<CalendarDayDocument>(
            Builders<CalendarDayDocument>.IndexKeys.Ascending(d => d.Closed).Ascending(d => d.Date)), cancellationToken: cancellationToken);
        await Slots.Indexes.CreateOneAsync(new CreateIndexModel<SlotDocument>(
            Builders<SlotDocument>.IndexKeys.Ascending(s => s.OfficeId).Ascending(s => s.Date).Ascending(s => s.Start)), cancellationToken: cancellationToken);
        await Appointments.Indexes.CreateManyAsync(
        [
            MarriageQueries.OneActiveAppointmentPerPerson(),
            new CreateIndexModel<AppointmentDocument>(Builders<AppointmentDocument>.IndexKeys.Ascending(a => a.OfficeId).Ascending(a => a.Date)),
        ], cancellationToken);
        await Tickets.Indexes.CreateManyAsync(
        [
            MarriageQueries.QueueOrderIndex(),
            MarriageQueries.OneTicketPerAppointment(),
        ], cancellationToken);
        await Records.Indexes.CreateManyAsync(
        [
            MarriageQueries.OneStandingMarriagePerPerson(),
            new CreateIndexModel<MarriageRecordDocument>(Builders<MarriageRecordDocument>.IndexKeys.Ascending(r => r.CertificateNumbers)),
            new CreateIndexModel<MarriageRecordDocument>(Builders<MarriageRecordDocument>.IndexKeys.Ascending(r => r.PartyIdNumbers)),
        ], cancellationToken);
        await Divorces.Indexes.CreateOneAsync(MarriageQueries.OneOpenDivorcePerMarriage(), cancellationToken: cancellationToken);
        await Entries.Indexes.CreateOneAsync(new CreateIndexModel<ArchiveEntryRow>(
            Builders<ArchiveEntryRow>.IndexKeys.Ascending(e => e.OfficeId).Ascending(e => e.Date)), cancellationToken: cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a transaction (a replica set is required), retried by the driver on transient errors.</summary>
    public async Task<T> InTransactionAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var session = await Client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync((s, ct) => work(s, ct), cancellationToken: cancellationToken);
    }

    /// <summary>The next number of a series: one atomic upsert-and-increment.</summary>
    public async Task<long> NextAsync(IClientSessionHandle? session, string series, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<CounterDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        var filter = Builders<CounterDocument>.Filter.Eq(c => c.Series, series);
        var update = Builders<CounterDocument>.Update.Inc(c => c.Value, 1);
        var counter = session is null
            ? await Counters.FindOneAndUpdateAsync(filter, update, options, cancellationToken)
            : await Counters.FindOneAndUpdateAsync(session, filter, update, options, cancellationToken);
        return counter.Value;
    }
}
