using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using static CivilAffairs.StaffConduct.Storage.StaffConductDocuments;

namespace CivilAffairs.StaffConduct.Storage;

internal sealed class ConductCode(IDocumentStore store) : IConductCode
{
    /// <summary>Version 1 is an insert (refused when the rule exists); a later one replaces the version before it.</summary>
    public async Task<bool> SaveAsync(ConductRule rule, CancellationToken cancellationToken = default) =>
        await store.CommitAsync(rule.Version == 1
            ? new WriteBatch().Insert(ConductRules, rule)
            : new WriteBatch().Replace(ConductRules, rule, rule.Version - 1), cancellationToken) is null;

    public Task<ConductRule?> GetAsync(string ruleId, CancellationToken cancellationToken = default) =>
        store.DocumentAsync(ConductRules, ruleId, cancellationToken);

    public Task<IReadOnlyList<ConductRule>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default) =>
        store.DocumentsAsync(ConductRules, (includeInactive ? DocumentQuery.All : DocumentQuery.Where("active", true)).OrderBy("part"),
            cancellationToken);
}
