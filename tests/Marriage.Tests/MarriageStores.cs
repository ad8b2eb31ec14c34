using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Marriage.Tests;

/// <summary>All the marriage ports over one fresh document store of a kind: a SQLite file, or a MongoDB database (MONGODB_URI).</summary>
internal sealed class MarriageStores(FreshStore fresh) : IAsyncDisposable
{
    private static readonly OfficeClock Clock = new(new FakeTimeProvider(), OfficeClock.ChinaStandardTime);

    public IOfficeStore Offices { get; } = new OfficeStore(fresh.Store);
    public IMarriageCalendarStore Calendar { get; } = new MarriageCalendarStore(fresh.Store);
    public IAppointmentStore Appointments { get; } = new AppointmentStore(fresh.Store);
    public IHallStore Hall { get; } = new HallStore(fresh.Store, new AppointmentStore(fresh.Store), new NumberSeries(fresh.Store));
    public IMarriageArchive Archive { get; } = new MarriageArchive(fresh.Store, new AppointmentStore(fresh.Store), new NumberSeries(fresh.Store), Clock);
    public IMarriageStatusRegistry MaritalStatus { get; } = new LocalArchiveMarriageStatus(fresh.Store);
    public IOutboxStore Outbox => fresh.Outbox;

    public static async Task<MarriageStores> CreateAsync(string kind) => new(await FreshStore.CreateAsync(kind, MarriageDocuments.All));

    public ValueTask DisposeAsync() => fresh.DisposeAsync();
}
