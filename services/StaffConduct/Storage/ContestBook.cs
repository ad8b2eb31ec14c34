using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class ContestBook(IDocumentStore store) : IContestBook
{
    public Task AddAsync(Contest contest, CancellationToken cancellationToken = default) => store.InsertAsync(Contests, contest, cancellationToken);

    /// <summary>The batch joins the contest in one replacement, refused whole when one of its participants is already scored.</summary>
    public async Task<ScoresWrite> AddScoresAsync(string contestId, IReadOnlyList<ContestScore> scores, CancellationToken cancellationToken = default) =>
        await store.ChangeAsync(Contests, contestId, c => c.Scores.Any(s => scores.Any(n => n.StaffId == s.StaffId))
            ? null
            : c with { Scores = [.. c.Scores, .. scores] }, cancellationToken)
            ? ScoresWrite.Written
            : ScoresWrite.ParticipantAlreadyScored;

    public Task<Contest?> GetAsync(string contestId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(Contests, contestId, cancellationToken);

    public Task<IReadOnlyList<Contest>> ListForStaffAsync(string staffId, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(Contests, DocumentQuery.Where("participants", staffId).OrderByDescending("heldOn").OrderByDescending("createdAt"),
            cancellationToken);

    public Task<IReadOnlyList<Contest>> ListHeldBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(Contests, DocumentQuery.All.AndBetween("heldOn", from, to).OrderBy("heldOn"), cancellationToken);
}
