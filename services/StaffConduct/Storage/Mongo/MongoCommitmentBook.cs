using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoCommitmentBook(IMongoDatabase database) : ICommitmentBook
{
    public const string CollectionName = "commitments";
    public const string OutcomeIdempotencyIndex = "outcome_idempotency_key_unique";

    private readonly IMongoCollection<CommitmentDocument> _commitments = database.GetCollection<CommitmentDocument>(CollectionName);

    public Task<bool> AddAsync(Commitment commitment, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        _commitments.InsertOnceAsync(CommitmentDocument.From(commitment, tag), cancellationToken);

    public async Task<CommitmentResolve> ResolveAsync(string commitmentId, CommitmentOutcome outcome, IdempotencyTag? tag,
        CancellationToken cancellationToken = default) =>
        await _commitments.UpdateOnceAsync(Unresolved(commitmentId), Resolve(outcome, tag), OutcomeIdempotencyIndex, cancellationToken) switch
        {
            true => CommitmentResolve.Resolved,
            false => CommitmentResolve.AlreadyResolved,
            null => CommitmentResolve.IdempotencyKeyTaken,
        };

    public async Task<Remembered<Commitment>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _commitments.Find(ByIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Commitment>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<Remembered<Commitment>?> FindByResolutionKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _commitments.Find(ByResolutionKey(key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Commitment>(found.ToDomain(), found.OutcomeFingerprint ?? "");
    }

    public async Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default) =>
        (await _commitments.Find(ById(commitmentId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return [];
        var found = await _commitments.Find(ByStaff(staffIds)).Sort(ByDeadline).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<Commitment>> ListOpenDueBeforeAsync(Window? window, DateOnly day, CancellationToken cancellationToken = default)
    {
        var found = await _commitments.Find(OpenDueBefore(window, day)).Sort(ByDeadline).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    private static FilterDefinitionBuilder<CommitmentDocument> Filter => Builders<CommitmentDocument>.Filter;

    internal static FilterDefinition<CommitmentDocument> ById(string commitmentId) => Filter.Eq(d => d.Id, commitmentId);

    internal static FilterDefinition<CommitmentDocument> ByIdempotencyKey(string key) => Filter.Eq(d => d.IdempotencyKey, key);

    internal static FilterDefinition<CommitmentDocument> ByResolutionKey(string key) => Filter.Eq(d => d.OutcomeIdempotencyKey, key);

    internal static FilterDefinition<CommitmentDocument> ByStaff(IEnumerable<string> staffIds) => Filter.In(d => d.StaffId, staffIds);

    /// <summary>The commitment, only while no outcome is recorded: an outcome is written once.</summary>
    internal static FilterDefinition<CommitmentDocument> Unresolved(string commitmentId) =>
        Filter.And(Filter.Eq(d => d.Id, commitmentId), Filter.Exists(d => d.Outcome, false));

    internal static UpdateDefinition<CommitmentDocument> Resolve(CommitmentOutcome outcome, IdempotencyTag? tag)
    {
        var update = Builders<CommitmentDocument>.Update.Set(d => d.Outcome, CommitmentDocument.OutcomeDocument.From(outcome));
        return tag is null ? update : update.Set(d => d.OutcomeIdempotencyKey, tag.Key).Set(d => d.OutcomeFingerprint, tag.Fingerprint);
    }

    /// <summary>Open commitments whose deadline ("YYYY-MM-DD" strings sort as dates) is before the day.</summary>
    internal static FilterDefinition<CommitmentDocument> OpenDueBefore(Window? window, DateOnly day)
    {
        var open = Filter.And(Filter.Exists(d => d.Outcome, false), Filter.Lt(d => d.Deadline, Dates.Format(day)));
        return window is { } w ? Filter.And(open, Filter.Eq(d => d.Window, (int)w)) : open;
    }

    internal static readonly SortDefinition<CommitmentDocument> ByDeadline = Builders<CommitmentDocument>.Sort
        .Ascending(d => d.Deadline).Ascending(d => d.PublishedAt).Ascending(d => d.Id);

    internal static IEnumerable<CreateIndexModel<CommitmentDocument>> Indexes()
    {
        var keys = Builders<CommitmentDocument>.IndexKeys;
        yield return MongoValues.UniqueWhenPresent<CommitmentDocument>("idempotency_key", MongoValues.IdempotencyIndex);
        yield return MongoValues.UniqueWhenPresent<CommitmentDocument>("outcome_idempotency_key", OutcomeIdempotencyIndex);
        yield return new(keys.Ascending(d => d.StaffId).Ascending(d => d.Deadline), new CreateIndexOptions { Name = "staff_deadline" });
        yield return new(keys.Ascending(d => d.Deadline), new CreateIndexOptions { Name = "deadline" });
    }
}
