using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

internal sealed class MongoSupportCaseStore(MongoCollections collections, OutboxSignal signal) : ISupportCaseStore
{
    public async Task<SupportCase?> GetAsync(string id)
    {
        var document = await collections.SupportCases.Find(MongoFilters.ById(id)).FirstOrDefaultAsync();
        return document is null ? null : MongoCollections.FromDocument<SupportCase>(document);
    }

    public async Task<SupportWrite> AddAsync(SupportCase supportCase, Payment? payment, IdempotencyClaim? claim, IReadOnlyList<OutboxMessage> events)
    {
        using var session = await collections.Client.StartSessionAsync();
        return await signal.AfterAsync(events, session.WithTransactionAsync(async (s, token) =>
        {
            if (supportCase.OpenKey is { } key && await collections.SupportCases.Find(s, MongoFilters.OpenSupportCase(key)).AnyAsync(token))
                return SupportWrite.AlreadyOpen;
            if (payment is not null && !await MongoPaymentStore.TryPayAsync(collections, s, payment, token)) return SupportWrite.AlreadyPaid;
            await MongoIdempotencyStore.ClaimAsync(collections, s, claim, supportCase.Id, token);
            await collections.SupportCases.InsertOneAsync(s, ToDocument(supportCase), cancellationToken: token);
            await MongoOutbox.EnqueueAsync(collections.Database, s, events, token);
            return SupportWrite.Done;
        }));
    }

    public async Task<SupportWrite> UpdateAsync(SupportCase supportCase, int expectedVersion, Payment? payment, IdempotencyClaim? claim,
        IReadOnlyList<OutboxMessage> events)
    {
        using var session = await collections.Client.StartSessionAsync();
        return await signal.AfterAsync(events, session.WithTransactionAsync(async (s, token) =>
        {
            // Checked before anything is written, so a refusal leaves nothing behind; the transaction keeps it consistent.
            var filter = MongoFilters.AtVersion(supportCase.Id, expectedVersion);
            if (!await collections.SupportCases.Find(s, filter).AnyAsync(token)) return SupportWrite.Stale;
            if (payment is not null && !await MongoPaymentStore.TryPayAsync(collections, s, payment, token)) return SupportWrite.AlreadyPaid;
            await collections.SupportCases.ReplaceOneAsync(s, filter, ToDocument(supportCase), cancellationToken: token);
            await MongoIdempotencyStore.ClaimAsync(collections, s, claim, supportCase.Id, token);
            await MongoOutbox.EnqueueAsync(collections.Database, s, events, token);
            return SupportWrite.Done;
        }));
    }

    public async Task<IReadOnlyList<SupportCase>> ListByStatusAsync(IReadOnlyCollection<SupportStatus> statuses)
    {
        var documents = await collections.SupportCases.Find(MongoFilters.InStatus(statuses.Select(s => s.Code())))
            .Sort(Builders<BsonDocument>.Sort.Ascending("openedAt").Ascending("_id")).ToListAsync();
        return documents.Select(MongoCollections.FromDocument<SupportCase>).ToList();
    }

    internal static BsonDocument ToDocument(SupportCase supportCase)
    {
        var document = MongoCollections.ToDocument(supportCase, supportCase.Id);
        if (supportCase.OpenKey is null) document.Remove("openKey");
        return document;
    }
}
