using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>
/// Loads the starting conduct code into an empty store at start-up (after the tables and indexes exist); never over
/// an administrator's rules.
/// </summary>
internal sealed class ConductCodeSeeding(IConductCode code, TimeProvider time) : IStoreInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        code.SeedAsync(ConductCodeSeed.Rules(time.GetUtcNow()), cancellationToken);
}
