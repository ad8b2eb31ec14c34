using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoCommitmentBook(IMongoDatabase database) : ICommitmentBook
{
    public const string CollectionName = "commitments";
    public const string IdempotencyIndex = "idempotency_key_unique";

    private readonly IMongoCollection<CommitmentDocument> _commitments = database.GetCollection<CommitmentDocument>(CollectionName);

    public async Task<bool> AddAsync(Commitment commitment, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        try
        {
            await _commitments.InsertOneAsync(CommitmentDocument.From(commitment, tag), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(IdempotencyIndex))
        {
            return false;
        }
    }

    public async Task<Remembered<Commitment>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _commitments.Find(ByIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Commitment>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default) =>
        (await _commitments.Find(ById(commitmentId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return [];
        var found = await _commitments.Find(ByStaff(staffIds)).Sort(ByDeadline).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    internal static FilterDefinition<CommitmentDocument> ById(string commitmentId) =>
        Builders<CommitmentDocument>.Filter.Eq(d => d.Id, commitmentId);

    internal static FilterDefinition<CommitmentDocument> ByIdempotencyKey(string key) =>
        Builders<CommitmentDocument>.Filter.Eq(d => d.IdempotencyKey, key);

    internal static FilterDefinition<CommitmentDocument> ByStaff(IEnumerable<string> staffIds) =>
        Builders<CommitmentDocument>.Filter.In(d => d.StaffId, staffIds);

    internal static readonly SortDefinition<CommitmentDocument> ByDeadline = Builders<CommitmentDocument>.Sort
        .Ascending(d => d.Deadline).Ascending(d => d.PublishedAt).Ascending(d => d.Id);

    internal static IEnumerable<CreateIndexModel<CommitmentDocument>> Indexes()
    {
        var keys = Builders<CommitmentDocument>.IndexKeys;
        yield return new(keys.Ascending(d => d.IdempotencyKey), new CreateIndexOptions<CommitmentDocument>
        {
            Name = IdempotencyIndex,
            Unique = true,
            PartialFilterExpression = Builders<CommitmentDocument>.Filter.Exists(d => d.IdempotencyKey),
        });
        yield return new(keys.Ascending(d => d.StaffId).Ascending(d => d.Deadline), new CreateIndexOptions { Name = "staff_deadline" });
    }
}
