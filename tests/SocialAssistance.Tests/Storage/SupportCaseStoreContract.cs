using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.TestSupport;
using static CivilAffairs.SocialAssistance.Tests.Storage.Samples;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The support-case port as the domain relies on it, on each engine.</summary>
public sealed class SupportCaseStoreContract
{
    private static readonly DateOnly November = new(2026, 11, 1);

    [MongoFact]
    public void The_MongoDB_engine_runs_the_same_contract_when_a_server_is_given() { }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_support_case_is_stored_with_its_payment_and_events_or_not_at_all(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var (cases, payments) = (new SupportCaseStore(fresh.Store), new PaymentStore(fresh.Store));
        var first = SupportCase("hh_a", Programme.Temporary, SupportStatus.PaperworkPending);
        Assert.Equal(SupportWrite.Done, await cases.AddAsync(first, Payment("hh_a", November, 10_000, first.Id, Programme.Temporary), [Event("evt_paid", first.Id)]));

        var second = SupportCase("hh_a", Programme.Temporary, SupportStatus.PaperworkPending);
        Assert.Equal(SupportWrite.AlreadyPaid, await cases.AddAsync(second, Payment("hh_a", November, 5_000, second.Id, Programme.Temporary),
            [Event("evt_twice", second.Id)]));

        Assert.Equal(["evt_paid"], await fresh.PendingEventsAsync());
        Assert.Null(await cases.GetAsync(second.Id));
        Assert.Equal([first.Id], (await payments.ListByHouseholdAsync("hh_a")).Select(p => p.Source));
        Assert.Equal([first.Id], (await cases.ListByStatusAsync([SupportStatus.PaperworkPending])).Select(c => c.Id));
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task One_open_extreme_poverty_case_per_person(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var cases = new SupportCaseStore(fresh.Store);
        var person = IdNumbers.Woman(80);
        var first = SupportCase("hh_a", Programme.ExtremePoverty, SupportStatus.Active, person);
        Assert.Equal(SupportWrite.Done, await cases.AddAsync(first, null, [Event("evt_approved", first.Id)]));

        Assert.Equal(SupportWrite.AlreadyOpen, await cases.AddAsync(first with { Id = Ids.New("sup") }, null, [Event("evt_again", first.Id)]));
        Assert.Equal(SupportWrite.Done, await cases.AddAsync(SupportCase("hh_a", Programme.Temporary, SupportStatus.Submitted, person), null, []));
        Assert.Equal(["evt_approved"], await fresh.PendingEventsAsync());
    }

    [Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]
    public async Task A_support_case_update_applies_at_the_version_read_with_its_payment(string kind)
    {
        await using var fresh = await StoreAsync(kind);
        var (cases, payments) = (new SupportCaseStore(fresh.Store), new PaymentStore(fresh.Store));
        var submitted = SupportCase("hh_a", Programme.Temporary, SupportStatus.Submitted);
        await cases.AddAsync(submitted, null, []);
        var paid = submitted with { Status = SupportStatus.Paid, Version = 2 };
        var payment = Payment("hh_a", November, 10_000, submitted.Id, Programme.Temporary);

        Assert.Equal(SupportWrite.Stale, await cases.UpdateAsync(paid, expectedVersion: 2, payment, [Event("evt_stale", paid.Id)]));
        Assert.Empty(await payments.ListByHouseholdAsync("hh_a"));
        Assert.Empty(await fresh.PendingEventsAsync());
        Assert.Equal(SupportWrite.Done, await cases.UpdateAsync(paid, expectedVersion: 1, payment, [Event("evt_paid", paid.Id)]));

        Assert.Equal(["evt_paid"], await fresh.PendingEventsAsync());
        var stored = await cases.GetAsync(submitted.Id);
        Assert.Equal((SupportStatus.Paid, 2), (stored!.Status, stored.Version));
        Assert.Single(await payments.ListByHouseholdAsync("hh_a"));
        Assert.Empty(await cases.ListByStatusAsync([SupportStatus.Submitted]));
    }
}
