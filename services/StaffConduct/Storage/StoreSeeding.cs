using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;

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

/// <summary>Loads the starting service catalogue into an empty store at start-up; never over an administrator's edits.</summary>
internal sealed class CatalogueSeeding(IServiceCatalogue catalogue, BureauClock clock) : IStoreInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        catalogue.SeedAsync(CatalogueSeed.Items(clock.Today, clock.Now), cancellationToken);
}
