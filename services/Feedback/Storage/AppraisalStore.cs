using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Storage;

/// <summary>Appraisal meetings. A window's score is averaged over the meetings of the period that scored it, loaded
/// by the indexed range: a bureau holds a few such meetings a year.</summary>
internal sealed class AppraisalStore(IDocumentStore store) : IAppraisalStore
{
    public Task AddAsync(AppraisalMeeting meeting, CancellationToken cancellationToken = default) =>
        store.InsertAsync(FeedbackDocuments.Meetings, meeting, cancellationToken);

    public Task<AppraisalMeeting?> FindAsync(string meetingId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(FeedbackDocuments.Meetings, meetingId, cancellationToken);

    public Task<IReadOnlyList<AppraisalMeeting>> ListAsync(ReportingPeriod period, int limit, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(FeedbackDocuments.Meetings, DocumentQuery.All.AndBetween("heldOn", period.From, period.To)
            .OrderByDescending("heldOn").OrderByDescending("id").Take(limit), cancellationToken);

    public async Task<AppraisalFigures> ScoreOfAsync(Window window, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        var scored = DocumentQuery.Where("windows", window).AndBetween("heldOn", period.From, period.To);
        var scores = (await store.DocumentsAsync(FeedbackDocuments.Meetings, scored, cancellationToken))
            .SelectMany(m => m.Scores).Where(s => s.Window == window).Select(s => s.Score).ToList();
        return scores.Count == 0 ? AppraisalFigures.None : new AppraisalFigures(scores.Count, scores.Average());
    }
}
