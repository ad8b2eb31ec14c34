using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoStaffDirectory(IMongoDatabase database) : IStaffDirectory
{
    public const string CollectionName = "staff_members";
    public const string BadgeIndex = "badge_number_unique";
    public const string IdempotencyIndex = "idempotency_key_unique";

    private readonly IMongoCollection<StaffMemberDocument> _staff = database.GetCollection<StaffMemberDocument>(CollectionName);

    public async Task<StaffInsert> AddAsync(StaffMember member, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        try
        {
            await _staff.InsertOneAsync(StaffMemberDocument.From(member, tag), cancellationToken: cancellationToken);
            return StaffInsert.Added;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(IdempotencyIndex))
        {
            return StaffInsert.IdempotencyKeyTaken;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(BadgeIndex))
        {
            return StaffInsert.BadgeNumberTaken;
        }
    }

    public async Task<Remembered<StaffMember>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _staff.Find(ByIdempotencyKey(key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<StaffMember>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<StaffMember?> GetAsync(string staffId, CancellationToken cancellationToken = default) =>
        (await _staff.Find(ById(staffId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<StaffMember>> ListByWindowAsync(Window window, string? officeId, CancellationToken cancellationToken = default)
    {
        var found = await _staff.Find(ByWindow(window, officeId)).Sort(ByBadge).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    internal static FilterDefinition<StaffMemberDocument> ById(string staffId) =>
        Builders<StaffMemberDocument>.Filter.Eq(d => d.Id, staffId);

    internal static FilterDefinition<StaffMemberDocument> ByIdempotencyKey(string key) =>
        Builders<StaffMemberDocument>.Filter.Eq(d => d.IdempotencyKey, key);

    internal static FilterDefinition<StaffMemberDocument> ByWindow(Window window, string? officeId)
    {
        var f = Builders<StaffMemberDocument>.Filter;
        var inWindow = f.Eq(d => d.Window, (int)window);
        return officeId is null ? inWindow : f.And(inWindow, f.Eq(d => d.OfficeId, officeId));
    }

    internal static readonly SortDefinition<StaffMemberDocument> ByBadge =
        Builders<StaffMemberDocument>.Sort.Ascending(d => d.BadgeNumber);

    internal static IEnumerable<CreateIndexModel<StaffMemberDocument>> Indexes()
    {
        var keys = Builders<StaffMemberDocument>.IndexKeys;
        yield return new(keys.Ascending(d => d.BadgeNumber), new CreateIndexOptions { Name = BadgeIndex, Unique = true });
        yield return new(keys.Ascending(d => d.IdempotencyKey), new CreateIndexOptions<StaffMemberDocument>
        {
            Name = IdempotencyIndex,
            Unique = true,
            PartialFilterExpression = Builders<StaffMemberDocument>.Filter.Exists(d => d.IdempotencyKey),
        });
        yield return new(keys.Ascending(d => d.Window).Ascending(d => d.OfficeId).Ascending(d => d.BadgeNumber),
            new CreateIndexOptions { Name = "window_office_badge" });
    }
}
