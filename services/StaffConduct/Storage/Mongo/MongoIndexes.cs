using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>Creates the collections' indexes at start-up (creating an existing index is a no-op).</summary>
internal sealed class MongoIndexes(IMongoDatabase database) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await database.GetCollection<StaffMemberDocument>(MongoStaffDirectory.CollectionName).Indexes
            .CreateManyAsync(MongoStaffDirectory.Indexes(), cancellationToken);
        await database.GetCollection<CommitmentDocument>(MongoCommitmentBook.CollectionName).Indexes
            .CreateManyAsync(MongoCommitmentBook.Indexes(), cancellationToken);
    }
}
