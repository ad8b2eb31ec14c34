using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Support;

/// <summary>Domain services over a fresh embedded store, on a clock standing at Monday 2 November 2026, 09:00 in Beijing.</summary>
public abstract class SqliteDomainTest : IAsyncLifetime
{
    private FreshStore _store = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    protected OfficeClock Clock => new(Time, OfficeClock.FindZone(null));

    protected IOutboxStore Outbox => _store.Outbox;

    /// <summary>Builds the services under test once the store exists.</summary>
    protected abstract void Start(IDocumentStore store);

    public async Task InitializeAsync()
    {
        _store = await FreshStore.CreateAsync(StoreKinds.Sqlite, FeedbackDocuments.All);
        Start(_store.Store);
    }

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}
