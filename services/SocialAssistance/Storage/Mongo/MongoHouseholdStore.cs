using CivilAffairs.SocialAssistance.Domain;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

internal sealed class MongoHouseholdStore(MongoCollections collections) : IHouseholdStore
{
    public async Task<Household?> GetAsync(string id)
    {
        var document = await collections.Households.Find(MongoFilters.ById(id)).FirstOrDefaultAsync();
        return document is null ? null : MongoCollections.FromDocument<Household>(document);
    }

    public async Task<MembershipConflict?> AddAsync(Household household, IdempotencyClaim? claim)
    {
        try
        {
            using var session = await collections.Client.StartSessionAsync();
            return await session.WithTransactionAsync<MembershipConflict?>(async (s, token) =>
            {
                if (await FindConflictAsync(household, s) is { } conflict) return conflict;
                await MongoIdempotencyStore.ClaimAsync(collections, s, claim, household.Id, token);
                await collections.Households.InsertOneAsync(s, ToDocument(household), cancellationToken: token);
                return null;
            });
        }
        catch (MongoWriteException error) when (MongoCollections.IsDuplicateKey(error))
        {
            // A concurrent registration took a member between our check and our insert.
            var found = await FindConflictAsync(household, null);
            if (found is null) throw;
            return found;
        }
    }

    public async Task<HouseholdUpdate> UpdateAsync(Household household, int expectedVersion, IdempotencyClaim? claim)
    {
        try
        {
            using var session = await collections.Client.StartSessionAsync();
            return await session.WithTransactionAsync(async (s, token) =>
            {
                var filter = MongoFilters.AtVersion(household.Id, expectedVersion);
                if (!await collections.Households.Find(s, filter).AnyAsync(token)) return HouseholdUpdate.Stale;
                if (await FindConflictAsync(household, s) is { } conflict) return new HouseholdUpdate(false, conflict);
                await collections.Households.ReplaceOneAsync(s, filter, ToDocument(household), cancellationToken: token);
                await MongoIdempotencyStore.ClaimAsync(collections, s, claim, household.Id, token);
                return HouseholdUpdate.Done;
            });
        }
        catch (MongoWriteException error) when (MongoCollections.IsDuplicateKey(error))
        {
            var found = await FindConflictAsync(household, null);
            if (found is null) throw;
            return new HouseholdUpdate(false, found);
        }
    }

    internal static BsonDocument ToDocument(Household household)
    {
        var document = MongoCollections.ToDocument(household, household.Id);
        document["memberIds"] = new BsonArray(household.Members.Select(m => m.IdNumber.Value));
        return document;
    }

    private async Task<MembershipConflict?> FindConflictAsync(Household household, IClientSessionHandle? session)
    {
        var ids = household.Members.Select(m => m.IdNumber.Value).ToList();
        var filter = MongoFilters.OtherActiveHouseholdsWithAnyOf(household.Id, ids);
        var found = session is null
            ? await collections.Households.Find(filter).ToListAsync()
            : await collections.Households.Find(session, filter).ToListAsync();
        var taken = found.SelectMany(d => d["memberIds"].AsBsonArray.Select(v => v.AsString)).ToHashSet();
        var index = ids.FindIndex(taken.Contains);
        return index < 0 ? null : new MembershipConflict(index);
    }
}
