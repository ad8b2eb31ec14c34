using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoContestBook(IMongoDatabase database) : IContestBook
{
    public const string CollectionName = "contests";
    public const string BatchIdempotencyIndex = "score_batches_key_unique";

    private readonly IMongoCollection<ContestDocument> _contests = database.GetCollection<ContestDocument>(CollectionName);

    public Task<bool> AddAsync(Contest contest, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        _contests.InsertOnceAsync(ContestDocument.From(contest, tag), cancellationToken);

    public async Task<ScoresWrite> AddScoresAsync(string contestId, IReadOnlyList<ContestScore> scores, IdempotencyTag? tag,
        CancellationToken cancellationToken = default) =>
        await _contests.UpdateOnceAsync(NoneScoredYet(contestId, scores.Select(s => s.StaffId)), AddScores(scores, tag),
            BatchIdempotencyIndex, cancellationToken) switch
        {
            true => ScoresWrite.Written,
            false => ScoresWrite.ParticipantAlreadyScored,
            null => ScoresWrite.IdempotencyKeyTaken,
        };

    public async Task<Remembered<Contest>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _contests.Find(Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Contest>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<Remembered<Contest>?> FindByScoresKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _contests.Find(ByBatchKey(key)).FirstOrDefaultAsync(cancellationToken);
        var batch = found?.ScoreBatches.FirstOrDefault(b => b.Key == key);
        return found is null || batch is null ? null : new Remembered<Contest>(found.ToDomain(), batch.Fingerprint);
    }

    public async Task<Contest?> GetAsync(string contestId, CancellationToken cancellationToken = default) =>
        (await _contests.Find(Filter.Eq(d => d.Id, contestId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<Contest>> ListForStaffAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var found = await _contests.Find(ScoredFor(staffId)).Sort(NewestFirst).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<Contest>> ListHeldBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var found = await _contests.Find(HeldBetween(from, to)).Sort(Builders<ContestDocument>.Sort.Ascending(d => d.HeldOn).Ascending(d => d.Id))
            .ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    private static FilterDefinitionBuilder<ContestDocument> Filter => Builders<ContestDocument>.Filter;

    /// <summary>The contest, only while none of these participants has a score: a batch is added whole or not at all.</summary>
    internal static FilterDefinition<ContestDocument> NoneScoredYet(string contestId, IEnumerable<string> staffIds) =>
        Filter.And(Filter.Eq(d => d.Id, contestId), Filter.Nin("scores.staff_id", staffIds));

    internal static UpdateDefinition<ContestDocument> AddScores(IReadOnlyList<ContestScore> scores, IdempotencyTag? tag)
    {
        var update = Builders<ContestDocument>.Update.PushEach(d => d.Scores, scores.Select(ContestDocument.ScoreDocument.From));
        return tag is null ? update : update.Push(d => d.ScoreBatches, new ContestDocument.BatchDocument { Key = tag.Key, Fingerprint = tag.Fingerprint });
    }

    internal static FilterDefinition<ContestDocument> ByBatchKey(string key) => Filter.Eq("score_batches.key", key);

    internal static FilterDefinition<ContestDocument> ScoredFor(string staffId) => Filter.Eq("scores.staff_id", staffId);

    internal static FilterDefinition<ContestDocument> HeldBetween(DateOnly from, DateOnly to) =>
        Filter.And(Filter.Gte(d => d.HeldOn, Dates.Format(from)), Filter.Lte(d => d.HeldOn, Dates.Format(to)));

    internal static readonly SortDefinition<ContestDocument> NewestFirst = Builders<ContestDocument>.Sort
        .Descending(d => d.HeldOn).Descending(d => d.CreatedAt).Ascending(d => d.Id);

    internal static IEnumerable<CreateIndexModel<ContestDocument>> Indexes()
    {
        yield return MongoValues.UniqueWhenPresent<ContestDocument>("idempotency_key", MongoValues.IdempotencyIndex);
        yield return MongoValues.UniqueWhenPresent<ContestDocument>("score_batches.key", BatchIdempotencyIndex);
        yield return new(Builders<ContestDocument>.IndexKeys.Ascending("scores.staff_id"), new CreateIndexOptions { Name = "scores_staff" });
        yield return new(Builders<ContestDocument>.IndexKeys.Ascending(d => d.HeldOn), new CreateIndexOptions { Name = "held_on" });
    }
}
