using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

/// <summary>Creates the collections' indexes at start-up (creating an existing index is a no-op).</summary>
internal sealed class MongoIndexes(IMongoDatabase database) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await CreateAsync(MongoStaffDirectory.CollectionName, MongoStaffDirectory.Indexes(), cancellationToken);
        await CreateAsync(MongoCommitmentBook.CollectionName, MongoCommitmentBook.Indexes(), cancellationToken);
        await CreateAsync(MongoDutyLog.CollectionName, MongoDutyLog.Indexes(), cancellationToken);
        await CreateAsync(MongoDesignationRegister.CollectionName, MongoDesignationRegister.Indexes(), cancellationToken);
        await CreateAsync(MongoInspectionLog.CollectionName, MongoInspectionLog.Indexes(), cancellationToken);
        await CreateAsync(MongoContestBook.CollectionName, MongoContestBook.Indexes(), cancellationToken);
        await CreateAsync(MongoCaseLedger.CollectionName, MongoCaseLedger.Indexes(), cancellationToken);
        await CreateAsync(MongoRatingLedger.RatingsCollection, MongoRatingLedger.RatingIndexes(), cancellationToken);
        await CreateAsync(MongoRatingLedger.ClosuresCollection, MongoRatingLedger.ClosureIndexes(), cancellationToken);
        await CreateAsync(MongoServiceCatalogue.CollectionName, MongoServiceCatalogue.Indexes(), cancellationToken);
        await CreateAsync(MongoServiceTimeLedger.CollectionName, MongoServiceTimeLedger.Indexes(), cancellationToken);
    }

    private Task CreateAsync<T>(string collection, IEnumerable<CreateIndexModel<T>> indexes, CancellationToken cancellationToken) =>
        database.GetCollection<T>(collection).Indexes.CreateManyAsync(indexes, cancellationToken);
}
