using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.TestSupport;
using static CivilAffairs.SocialAssistance.Tests.Storage.Samples;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The application port as the domain relies on it, on each engine.</summary>
public sealed class ApplicationStoreContract
{
    [MongoFact]
    public void The_MongoDB_engine_runs_the_same_contract_when_a_server_is_given() { }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task One_open_application_per_household(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var applications = new ApplicationStore(fresh.Store);
        var first = Application();
        Assert.Null(await applications.AddAsync(first));

        var open = await applications.AddAsync(Application(first.HouseholdId) with { Id = "dba_second" });

        Assert.Equal(first.Id, open?.Id);
        Assert.Null(await applications.GetAsync("dba_second"));
        Assert.Equal(first.ApplicantName, (await applications.GetAsync(first.Id))?.ApplicantName);
        Assert.Null(await applications.AddAsync(Application()));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task An_update_applies_only_at_the_version_read_with_its_events_and_frees_the_household_when_closed(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var applications = new ApplicationStore(fresh.Store);
        var application = Application();
        await applications.AddAsync(application);
        var refused = application with { Status = ApplicationStatus.Refused, Version = 2, Reason = "refused" };

        Assert.False(await applications.UpdateAsync(refused with { Version = 3 }, expectedVersion: 2, [Event("evt_stale", application.Id)]));
        Assert.True(await applications.UpdateAsync(refused, expectedVersion: 1, [Event("evt_1", application.Id), Event("evt_2", application.Id)]));
        Assert.False(await applications.UpdateAsync(refused with { Version = 2 }, expectedVersion: 1, [Event("evt_late", application.Id)]));
        // The events were written with the change that reported them, in order; the refused writes wrote none.
        Assert.Equal(["evt_1", "evt_2"], await fresh.PendingEventsAsync());

        var stored = await applications.GetAsync(application.Id);
        Assert.Equal((ApplicationStatus.Refused, 2, "refused"), (stored!.Status, stored.Version, stored.Reason));
        // Closed: the household may apply again.
        Assert.Null(await applications.AddAsync(Application(application.HouseholdId)));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task Applications_are_listed_by_status_oldest_first(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var applications = new ApplicationStore(fresh.Store);
        var posted = Application() with { Status = ApplicationStatus.Posted, SubmittedAt = Now.AddDays(1) };
        var active = Application() with { Status = ApplicationStatus.Active };
        var submitted = Application();
        foreach (var a in new[] { posted, active, submitted }) await applications.AddAsync(a);

        var listed = await applications.ListByStatusAsync([ApplicationStatus.Posted, ApplicationStatus.Active]);

        Assert.Equal([active.Id, posted.Id], listed.Select(a => a.Id));
    }
}
