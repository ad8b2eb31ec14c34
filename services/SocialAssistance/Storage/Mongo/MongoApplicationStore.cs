using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

internal sealed class MongoApplicationStore(MongoCollections collections, OutboxSignal signal) : IApplicationStore
{
    public async Task<DibaoApplication?> GetAsync(string id)
    {
        var document = await collections.Applications.Find(MongoFilters.ById(id)).FirstOrDefaultAsync();
        return document is null ? null : MongoCollections.FromDocument<DibaoApplication>(document);
    }

    public async Task<DibaoApplication?> AddAsync(DibaoApplication application, IdempotencyClaim? claim)
    {
        try
        {
            using var session = await collections.Client.StartSessionAsync();
            return await session.WithTransactionAsync<DibaoApplication?>(async (s, token) =>
            {
                if (await FindOpenAsync(application.HouseholdId, s) is { } open) return open;
                await MongoIdempotencyStore.ClaimAsync(collections, s, claim, application.Id, token);
                await collections.Applications.InsertOneAsync(s, ToDocument(application), cancellationToken: token);
                return null;
            });
        }
        catch (MongoWriteException error) when (MongoCollections.IsDuplicateKey(error))
        {
            var found = await FindOpenAsync(application.HouseholdId, null);
            if (found is null) throw;
            return found;
        }
    }

    public Task<bool> UpdateAsync(DibaoApplication application, int expectedVersion, IdempotencyClaim? claim, IReadOnlyList<OutboxMessage> events) =>
        signal.AfterAsync(events,
            collections.ReplaceAtVersionAsync(collections.Applications, application.Id, expectedVersion, ToDocument(application), claim, events));

    public async Task<IReadOnlyList<DibaoApplication>> ListByStatusAsync(IReadOnlyCollection<ApplicationStatus> statuses)
    {
        var documents = await collections.Applications.Find(MongoFilters.InStatus(statuses.Select(s => s.Code())))
            .Sort(Builders<BsonDocument>.Sort.Ascending("submittedAt").Ascending("_id")).ToListAsync();
        return documents.Select(MongoCollections.FromDocument<DibaoApplication>).ToList();
    }

    internal static BsonDocument ToDocument(DibaoApplication application)
    {
        var document = MongoCollections.ToDocument(application, application.Id);
        if (application.IsOpen) document["openHouseholdId"] = application.HouseholdId;
        return document;
    }

    private async Task<DibaoApplication?> FindOpenAsync(string householdId, IClientSessionHandle? session)
    {
        var filter = MongoFilters.OpenApplicationOf(householdId);
        var document = session is null
            ? await collections.Applications.Find(filter).FirstOrDefaultAsync()
            : await collections.Applications.Find(session, filter).FirstOrDefaultAsync();
        return document is null ? null : MongoCollections.FromDocument<DibaoApplication>(document);
    }
}
