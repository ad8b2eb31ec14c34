using CivilAffairs.StaffConduct.Domain;
using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal sealed class MongoDesignationRegister(IMongoDatabase database) : IDesignationRegister
{
    public const string CollectionName = "designations";
    public const string InForceIndex = "holder_in_force_unique";
    public const string WithdrawalIdempotencyIndex = "withdrawal_idempotency_key_unique";

    private readonly IMongoCollection<DesignationDocument> _designations = database.GetCollection<DesignationDocument>(CollectionName);

    public async Task<DesignationWrite> AddAsync(Designation designation, IdempotencyTag? tag, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _designations.InsertOnceAsync(DesignationDocument.From(designation, tag), cancellationToken)
                ? DesignationWrite.Written
                : DesignationWrite.IdempotencyKeyTaken;
        }
        catch (MongoWriteException error) when (error.IsDuplicateOn(InForceIndex))
        {
            return DesignationWrite.HolderAlreadyDesignated;
        }
    }

    public async Task<DesignationWrite> WithdrawAsync(string designationId, DesignationWithdrawal withdrawal, IdempotencyTag? tag,
        CancellationToken cancellationToken = default) =>
        await _designations.UpdateOnceAsync(InForce(designationId), Withdraw(withdrawal, tag), WithdrawalIdempotencyIndex, cancellationToken) switch
        {
            true => DesignationWrite.Written,
            false => DesignationWrite.NotInForce,
            null => DesignationWrite.IdempotencyKeyTaken,
        };

    public async Task<Remembered<Designation>?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _designations.Find(Filter.Eq(d => d.IdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Designation>(found.ToDomain(), found.RequestFingerprint ?? "");
    }

    public async Task<Remembered<Designation>?> FindByWithdrawalKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await _designations.Find(Filter.Eq(d => d.WithdrawalIdempotencyKey, key)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Remembered<Designation>(found.ToDomain(), found.WithdrawalFingerprint ?? "");
    }

    public async Task<Designation?> GetAsync(string designationId, CancellationToken cancellationToken = default) =>
        (await _designations.Find(Filter.Eq(d => d.Id, designationId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<Designation>> ListByWindowAsync(Window window, bool includeWithdrawn, CancellationToken cancellationToken = default)
    {
        var found = await _designations.Find(ByWindow(window, includeWithdrawn)).Sort(ByGrant).ToListAsync(cancellationToken);
        return found.Select(d => d.ToDomain()).ToList();
    }

    private static FilterDefinitionBuilder<DesignationDocument> Filter => Builders<DesignationDocument>.Filter;

    /// <summary>The designation, only while in force: a withdrawal is written once.</summary>
    internal static FilterDefinition<DesignationDocument> InForce(string designationId) =>
        Filter.And(Filter.Eq(d => d.Id, designationId), Filter.Eq(d => d.InForce, true));

    internal static UpdateDefinition<DesignationDocument> Withdraw(DesignationWithdrawal withdrawal, IdempotencyTag? tag)
    {
        var update = Builders<DesignationDocument>.Update
            .Set(d => d.InForce, false)
            .Set(d => d.Withdrawal, DesignationDocument.WithdrawalDocument.From(withdrawal));
        return tag is null ? update : update.Set(d => d.WithdrawalIdempotencyKey, tag.Key).Set(d => d.WithdrawalFingerprint, tag.Fingerprint);
    }

    internal static FilterDefinition<DesignationDocument> ByWindow(Window window, bool includeWithdrawn)
    {
        var inWindow = Filter.Eq(d => d.Window, (int)window);
        return includeWithdrawn ? inWindow : Filter.And(inWindow, Filter.Eq(d => d.InForce, true));
    }

    internal static readonly SortDefinition<DesignationDocument> ByGrant = Builders<DesignationDocument>.Sort
        .Ascending(d => d.GrantedOn).Ascending(d => d.RecordedAt).Ascending(d => d.Id);

    internal static IEnumerable<CreateIndexModel<DesignationDocument>> Indexes()
    {
        var keys = Builders<DesignationDocument>.IndexKeys;
        yield return new(keys.Ascending(d => d.HolderKey), new CreateIndexOptions<DesignationDocument>
        {
            Name = InForceIndex,
            Unique = true,
            PartialFilterExpression = Filter.Eq(d => d.InForce, true),
        });
        yield return MongoValues.UniqueWhenPresent<DesignationDocument>("idempotency_key", MongoValues.IdempotencyIndex);
        yield return MongoValues.UniqueWhenPresent<DesignationDocument>("withdrawal_idempotency_key", WithdrawalIdempotencyIndex);
        yield return new(keys.Ascending(d => d.Window).Ascending(d => d.GrantedOn), new CreateIndexOptions { Name = "window_granted" });
    }
}
