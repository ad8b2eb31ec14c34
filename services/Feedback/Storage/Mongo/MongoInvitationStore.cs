using CivilAffairs.Feedback.Domain;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

internal sealed class MongoInvitationStore(IMongoDatabase database) : IInvitationStore
{
    public const string CollectionName = "invitations";
    public const string ServiceReferenceIndex = "ux_invitations_service_reference";
    public const string IdempotencyIndex = "ux_invitations_idempotency_key";

    private IMongoCollection<InvitationDocument> Invitations => database.GetCollection<InvitationDocument>(CollectionName);

    public Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default) =>
        Invitations.InsertAsync(InvitationDocument.From(invitation), IdempotencyIndex, cancellationToken);

    public Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default) =>
        FirstAsync(Builders<InvitationDocument>.Filter.Eq(d => d.Id, invitationId), cancellationToken);

    public Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        FirstAsync(ByServiceReference(serviceReference), cancellationToken);

    public Task<Invitation?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FirstAsync(Builders<InvitationDocument>.Filter.Eq(d => d.IdempotencyKey, key), cancellationToken);

    internal static FilterDefinition<InvitationDocument> ByServiceReference(string serviceReference) =>
        Builders<InvitationDocument>.Filter.Eq(d => d.ServiceReference, serviceReference);

    private async Task<Invitation?> FirstAsync(FilterDefinition<InvitationDocument> filter, CancellationToken cancellationToken) =>
        (await Invitations.Find(filter).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    internal static IEnumerable<CreateIndexModel<InvitationDocument>> Indexes() =>
    [
        new(Builders<InvitationDocument>.IndexKeys.Ascending(d => d.ServiceReference),
            new CreateIndexOptions { Name = ServiceReferenceIndex, Unique = true }),
        MongoInserts.UniqueWhenPresent<InvitationDocument>("idempotencyKey", IdempotencyIndex),
    ];
}
