namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The store of the conduct code (port).</summary>
public interface IConductCode
{
    /// <summary>Stores version 1 of a new rule, or a later version over the one before it; false when the stored
    /// version is not the one the edit was made from (or the rule exists already, for version 1).</summary>
    Task<bool> SaveAsync(ConductRule rule, CancellationToken cancellationToken = default);

    Task<ConductRule?> GetAsync(string ruleId, CancellationToken cancellationToken = default);

    /// <summary>By part, then rule id.</summary>
    Task<IReadOnlyList<ConductRule>> ListAsync(bool includeInactive, CancellationToken cancellationToken = default);
}
