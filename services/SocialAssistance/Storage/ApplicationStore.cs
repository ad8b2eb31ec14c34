using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>Dibao applications as documents at their own version; the unique rule keeps one open per household.</summary>
internal sealed class ApplicationStore(IDocumentStore store) : IApplicationStore
{
    public async Task<DibaoApplication?> GetAsync(string id) => (await store.GetAsync(Applications, id))?.Document;

    public async Task<DibaoApplication?> AddAsync(DibaoApplication application) =>
        await store.CommitAsync(new WriteBatch().Insert(Applications, application)) switch
        {
            null => null,
            // The open one, unless it closed since the refusal: then the application is tried again.
            WriteConflict.DuplicateKey { Rule: OneOpenApplicationPerHousehold } =>
                (await store.FindAsync(Applications, DocumentQuery.Where("openHousehold", application.HouseholdId))).FirstOrDefault()?.Document
                ?? await AddAsync(application),
            var other => throw new UnexpectedConflict(other),
        };

    public async Task<bool> UpdateAsync(DibaoApplication application, int expectedVersion, IReadOnlyList<OutboxMessage> events) =>
        await store.CommitAsync(new WriteBatch().Replace(Applications, application, expectedVersion).Outbox(events)) switch
        {
            null => true,
            WriteConflict.Stale => false,
            var other => throw new UnexpectedConflict(other),
        };

    public async Task<IReadOnlyList<DibaoApplication>> ListByStatusAsync(IReadOnlyCollection<ApplicationStatus> statuses) =>
        (await store.FindAsync(Applications, DocumentQuery.All.AndIn("status", statuses.Cast<object?>()).OrderBy("submittedAt")))
            .Select(a => a.Document).ToList();
}
