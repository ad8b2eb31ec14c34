using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Storage;
using CivilAffairs.ServiceDefaults.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>Domain services over a fresh embedded store, on a clock standing at Monday 2 November 2026, 09:00 in Beijing.</summary>
public abstract class SqliteDomainTest : IAsyncLifetime
{
    private SqliteStore _store = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    protected OfficeClock Clock => new(Time, OfficeClock.FindZone(null));

    /// <summary>Builds the services under test once the store exists.</summary>
    protected abstract void Start(SqliteDatabase database);

    public async Task InitializeAsync()
    {
        _store = await SqliteStore.CreateAsync();
        Start(_store.Database);
    }

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}
