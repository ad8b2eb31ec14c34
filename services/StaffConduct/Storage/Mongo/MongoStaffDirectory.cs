using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoStaffDirectory(IMongoDatabase database) : IStaffDirectory
{
    public const string CollectionName = "staff_members";
    public const string BadgeIndex = "badge_number_unique";
    public const string ChangeIdempotencyIndex = "history_idempotency_key_unique";

    private readonly IMongoCollection<StaffMemberDocument> _staff = database.GetCollection<StaffMemberDocument>(CollectionName);

    public Task<StaffWrite> AddAsync(StaffMember member, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            await _staff.InsertOneAsync(StaffMemberDocument.From(member, tag), cancellationToken: cancellationToken);
            return true;
        });

    public Task<StaffWrite> UpdateAsync(StaffMember updated, StaffChange change, IdempotencyTag? tag, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            var result = await _staff.UpdateOneAsync(AtVersion(updated.Id, updated.Version - 1), Change(updated, change, tag),
                cancellationToken: cancellationToken);
            return result.MatchedCount == 1;
        });

    public async Task<Remembered<StaffMember>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _staff.Find(ByIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<StaffMember>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<Remembered<StaffMember>?> FindChangeByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _staff.Find(ByChangeIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken);
        var entry = found?.History.FirstOrDefault(h => h.IdempotencyKey == key);
        return found is null || entry is null
            ? null
            : new Remembered<StaffMember>(new StaffMember(found.Id, entry.Profile.ToDomain(), MongoValues.Instant(found.RegisteredAt), entry.Version),
                entry.RequestFingerprint ?? "");
    }

    public async Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default) =>
        (await _staff.Find(ById(staffId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<StaffMember>> ListByIdsAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken = default)
    {
        if (staffIds.Count == 0) return [];
        var found = await _staff.Find(ByIds(staffIds)).Sort(ByBadge).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default)
    {
        var found = await _staff.Find(ByWindow(window, officeId)).Sort(ByBadge).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<StaffChange>> ListHistoryAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var found = await _staff.Find(ById(staffId)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? [] : found.History.OrderBy(h => h.Version).Select(h => h.ToDomain(staffId)).ToList();
    }

    /// <summary>Runs a write; false from it means the version filter matched nothing.</summary>
    private static async Task<StaffWrite> WriteAsync(Func<Task<bool>> write)
    {
        try
        {
            return await write() ? StaffWrite.Written : StaffWrite.VersionConflict;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(MongoValues.IdempotencyIndex) || error.IsDuplicateOn(ChangeIdempotencyIndex))
        {
            return StaffWrite.IdempotencyKeyTaken;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(BadgeIndex))
        {
            return StaffWrite.BadgeNumberTaken;
        }
    }

    private static FilterDefinitionBuilder<StaffMemberDocument> Filter => Builders<StaffMemberDocument>.Filter;

    internal static FilterDefinition<StaffMemberDocument> ById(string staffId) => Filter.Eq(d => d.Id, staffId);

    internal static FilterDefinition<StaffMemberDocument> ByIds(IEnumerable<string> staffIds) => Filter.In(d => d.Id, staffIds);

    /// <summary>The optimistic-concurrency filter of a change: the record still at the version the change was made from.</summary>
    internal static FilterDefinition<StaffMemberDocument> AtVersion(string staffId, int version) =>
        Filter.And(Filter.Eq(d => d.Id, staffId), Filter.Eq(d => d.Version, version));

    internal static FilterDefinition<StaffMemberDocument> ByIdempotencyKey(string key) => Filter.Eq(d => d.IdempotencyKey, key);

    internal static FilterDefinition<StaffMemberDocument> ByChangeIdempotencyKey(string key) =>
        Filter.ElemMatch(d => d.History, h => h.IdempotencyKey == key);

    internal static FilterDefinition<StaffMemberDocument> ByWindow(Window window, string? officeId)
    {
        var inWindow = Filter.Eq(d => d.Profile.Window, (int)window);
        return officeId is null ? inWindow : Filter.And(inWindow, Filter.Eq(d => d.Profile.OfficeId, officeId));
    }

    /// <summary>The new profile, the next version and its history entry, in one update.</summary>
    internal static UpdateDefinition<StaffMemberDocument> Change(StaffMember updated, StaffChange change, IdempotencyTag? tag)
    {
        return Builders<StaffMemberDocument>.Update
            .Set(d => d.Profile, StaffProfileDocument.From(updated.Profile))
            .Set(d => d.Version, updated.Version)
            .Push(d => d.History, StaffChangeDocument.From(change, tag));
    }

    internal static readonly SortDefinition<StaffMemberDocument> ByBadge =
        Builders<StaffMemberDocument>.Sort.Ascending(d => d.Profile.BadgeNumber);

    internal static IEnumerable<CreateIndexModel<StaffMemberDocument>> Indexes()
    {
        var keys = Builders<StaffMemberDocument>.IndexKeys;
        yield return new(keys.Ascending(d => d.Profile.BadgeNumber), new CreateIndexOptions { Name = BadgeIndex, Unique = true });
        yield return MongoValues.UniqueWhenPresent<StaffMemberDocument>("idempotency_key", MongoValues.IdempotencyIndex);
        yield return MongoValues.UniqueWhenPresent<StaffMemberDocument>("history.idempotency_key", ChangeIdempotencyIndex);
        yield return new(keys.Ascending(d => d.Profile.Window).Ascending(d => d.Profile.OfficeId).Ascending(d => d.Profile.BadgeNumber),
            new CreateIndexOptions { Name = "window_office_badge" });
    }
}
