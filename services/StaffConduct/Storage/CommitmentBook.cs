using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class CommitmentBook(IDocumentStore store) : ICommitmentBook
{
    public Task AddAsync(Commitment commitment, CancellationToken cancellationToken = default) =>
        store.InsertAsync(Commitments, commitment, cancellationToken);

    public async Task<CommitmentResolve> ResolveAsync(string commitmentId, CommitmentOutcome outcome, CancellationToken cancellationToken = default) =>
        await store.ChangeAsync(Commitments, commitmentId, c => c.Outcome is null ? c with { Outcome = outcome } : null, cancellationToken)
            ? CommitmentResolve.Resolved
            : CommitmentResolve.AlreadyResolved;

    public Task<Commitment?> GetAsync(string commitmentId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(Commitments, commitmentId, cancellationToken);

    public async Task<IReadOnlyList<Commitment>> ListByStaffAsync(IReadOnlyCollection<string> staffIds, DateOnly? dueFrom = null, DateOnly? dueTo = null,
        CancellationToken cancellationToken = default) =>
        staffIds.Count == 0 ? [] : await store.DocumentsAsync(Commitments, DocumentQuery.All.AndIn("staff", staffIds)
            .AndBetween("deadline", dueFrom, dueTo).OrderBy("deadline").OrderBy("publishedAt"), cancellationToken);

    public Task<IReadOnlyList<Commitment>> ListOpenDueBeforeAsync(Window? window, DateOnly day, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.Where("open", true).AndBefore("deadline", day);
        if (window is { } w) query = query.And("window", w);
        return store.DocumentsAsync(Commitments, query.OrderBy("deadline").OrderBy("publishedAt"), cancellationToken);
    }
}
