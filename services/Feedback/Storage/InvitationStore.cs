using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.Feedback.Storage;

internal sealed class InvitationStore(IDocumentStore store) : IInvitationStore
{
    public async Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default) =>
        await store.CommitAsync(new WriteBatch().Insert(FeedbackDocuments.Invitations, invitation), cancellationToken) switch
        {
            null => AddOutcome.Added,
            WriteConflict.DuplicateKey { Rule: FeedbackDocuments.OneInvitationPerService } => AddOutcome.Duplicate,
            var conflict => throw StoreShortcuts.Unexpected(conflict),
        };

    public Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(FeedbackDocuments.Invitations, invitationId, cancellationToken);

    public Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        store.FirstAsync(FeedbackDocuments.Invitations, DocumentQuery.Where("serviceReference", serviceReference), cancellationToken);
}
