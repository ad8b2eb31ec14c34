using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using CivilAffairs.TestSupport;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>The stores' ports as the domain relies on them; every adapter passes the same tests.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    protected IHouseholdStore Households { get; private set; } = null!;
    protected IApplicationStore Applications { get; private set; } = null!;
    protected IIdempotencyStore Keys { get; private set; } = null!;
    protected IPaymentStore Payments { get; private set; } = null!;
    protected ISupportCaseStore SupportCases { get; private set; } = null!;
    protected IOutboxStore Outbox { get; private set; } = null!;

    protected abstract Task<(IHouseholdStore, IApplicationStore, IIdempotencyStore, IPaymentStore, ISupportCaseStore, IOutboxStore)> OpenAsync();

    public virtual async Task InitializeAsync() => (Households, Applications, Keys, Payments, SupportCases, Outbox) = await OpenAsync();

    /// <summary>An event for another service, as the domain hands it to a store with a completing decision.</summary>
    protected static OutboxMessage Event(string id, string caseId) =>
        new(id, caseId, "feedback", "/civilaffairs.feedback.v1.Feedback/CreateInvitation", [1, 2, 3], Window.SocialAssistance, null, Now);

    /// <summary>The events waiting in the outbox, in the order they were written.</summary>
    protected async Task<IReadOnlyList<string>> PendingEventsAsync() =>
        (await Outbox.PendingAsync(100, CancellationToken.None)).Select(e => e.Message.EventId).ToList();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static Household NewHousehold(params string[] idNumbers) => new()
    {
        Id = Ids.New("hh"),
        CountyCode = "110105",
        Address = "幸福路 8 号",
        Members = idNumbers.Select((id, i) => new HouseholdMember($"成员{i}", ResidentIdNumber.Parse(id, "id"),
            i == 0 ? Relation.Head : Relation.Child, 10_000 * (i + 1))).ToList(),
        RegisteredAt = Now,
    };

    protected static DibaoApplication NewApplication(string householdId) => new()
    {
        Id = Ids.New("dba"),
        HouseholdId = householdId,
        ApplicantKind = ApplicantKind.Committee,
        ApplicantName = "居委会",
        Reason = "因病",
        Status = ApplicationStatus.Submitted,
        SubmittedAt = Now,
    };

    [Fact]
    public virtual async Task A_household_reads_back_whole_with_full_id_numbers()
    {
        var household = NewHousehold(IdNumbers.Man(40), IdNumbers.Woman(10));
        Assert.Null(await Households.AddAsync(household, null));

        var stored = await Households.GetAsync(household.Id);

        Assert.NotNull(stored);
        Assert.Equal(household.Members, stored.Members);
        Assert.Equal(household.RegisteredAt, stored.RegisteredAt);
        Assert.Equal(30_000, stored.TotalMonthlyIncomeFen);
        Assert.Null(await Households.GetAsync("hh_unknown"));
    }

    [Fact]
    public virtual async Task A_member_of_an_active_household_is_reported_by_index_and_nothing_is_stored()
    {
        var shared = IdNumbers.Woman(30);
        await Households.AddAsync(NewHousehold(IdNumbers.Man(60), shared), null);
        var second = NewHousehold(IdNumbers.Man(35), IdNumbers.Man(5), shared);
        var claim = new IdempotencyClaim("register-household", Guid.NewGuid().ToString(), "f1");

        var conflict = await Households.AddAsync(second, claim);

        Assert.Equal(new MembershipConflict(2), conflict);
        Assert.Null(await Households.GetAsync(second.Id));
        Assert.Null(await Keys.FindAsync(claim.Scope, claim.Key));
        Assert.Null(await Households.AddAsync(NewHousehold(second.Members[0].IdNumber.Value), null));
    }

    [Fact]
    public virtual async Task A_claimed_key_is_stored_with_the_household_and_cannot_be_claimed_twice()
    {
        var claim = new IdempotencyClaim("register-household", Guid.NewGuid().ToString(), "f1");
        var household = NewHousehold(IdNumbers.Man(40));
        await Households.AddAsync(household, claim);

        Assert.Equal(new IdempotencyRecord(claim.Scope, claim.Key, "f1", household.Id), await Keys.FindAsync(claim.Scope, claim.Key));
        var again = NewHousehold(IdNumbers.Man(41));
        await Assert.ThrowsAsync<IdempotencyKeyTaken>(() => Households.AddAsync(again, claim with { Fingerprint = "f2" }));
        Assert.Null(await Households.GetAsync(again.Id));
        Assert.Null(await Keys.FindAsync("submit-dibao-application", claim.Key));
    }

    private static Household Changed(Household household, long[] incomes, int[]? leaving = null, params string[] joining) =>
        new HouseholdChangeReport(incomes, 100, "changed", leaving ?? [],
            joining.Select(id => new NewMember("新成员", id, Relation.Child, 0)).ToList()).ApplyTo(household, Now);

    [Fact]
    public virtual async Task A_household_update_applies_only_at_the_version_read()
    {
        var household = NewHousehold(IdNumbers.Man(40), IdNumbers.Woman(38));
        await Households.AddAsync(household, null);
        var changed = Changed(household, [0, 5_000]);

        Assert.Equal(HouseholdUpdate.Stale, await Households.UpdateAsync(changed, expectedVersion: 2, null));
        Assert.Equal(HouseholdUpdate.Done, await Households.UpdateAsync(changed, expectedVersion: 1, null));
        Assert.Equal(HouseholdUpdate.Stale, await Households.UpdateAsync(changed, expectedVersion: 1, null));

        var stored = await Households.GetAsync(household.Id);
        Assert.Equal([0L, 5_000L], stored!.MemberIncomesFen);
        Assert.Equal((100L, 2), (stored.FinancialAssetsFen, stored.Version));
        var change = Assert.Single(stored.Changes);
        Assert.Equal([10_000L, 20_000L], change.IncomesBeforeFen);
        Assert.Equal("changed", change.Note);
        // Still the members' one active household.
        Assert.Equal(new MembershipConflict(0), await Households.AddAsync(NewHousehold(household.Members[0].IdNumber.Value), null));
    }

    [Fact]
    public virtual async Task A_member_who_leaves_is_free_and_one_active_elsewhere_cannot_join()
    {
        var elsewhere = NewHousehold(IdNumbers.Man(60));
        await Households.AddAsync(elsewhere, null);
        var household = NewHousehold(IdNumbers.Man(40), IdNumbers.Woman(38));
        await Households.AddAsync(household, null);
        var claim = new IdempotencyClaim("report-household-change", Guid.NewGuid().ToString(), "f");

        var refused = await Households.UpdateAsync(Changed(household, [0, 0], null, IdNumbers.Man(10), elsewhere.Members[0].IdNumber.Value), 1, claim);

        Assert.Equal(new HouseholdUpdate(false, new MembershipConflict(3)), refused);
        Assert.Null(await Keys.FindAsync(claim.Scope, claim.Key));
        Assert.Equal(1, (await Households.GetAsync(household.Id))!.Version);

        var left = Changed(household, [0, 0], [1]);
        Assert.Equal(HouseholdUpdate.Done, await Households.UpdateAsync(left, 1, claim));
        Assert.Single((await Households.GetAsync(household.Id))!.Members);
        Assert.Null(await Households.AddAsync(NewHousehold(household.Members[1].IdNumber.Value), null));
    }

    [Fact]
    public virtual async Task One_open_application_per_household()
    {
        var first = NewApplication("hh_" + Guid.NewGuid().ToString("N"));
        Assert.Null(await Applications.AddAsync(first, null));

        var second = NewApplication(first.HouseholdId);
        var open = await Applications.AddAsync(second, new IdempotencyClaim("submit-dibao-application", Guid.NewGuid().ToString(), "f"));

        Assert.Equal(first.Id, open?.Id);
        Assert.Null(await Applications.GetAsync(second.Id));
        Assert.Equal(first.ApplicantName, (await Applications.GetAsync(first.Id))?.ApplicantName);
        Assert.Null(await Applications.AddAsync(NewApplication("hh_other" + Guid.NewGuid().ToString("N")), null));
    }

    [Fact]
    public virtual async Task An_application_key_cannot_be_claimed_twice()
    {
        var claim = new IdempotencyClaim("submit-dibao-application", Guid.NewGuid().ToString(), "f");
        var first = NewApplication("hh_" + Guid.NewGuid().ToString("N"));
        await Applications.AddAsync(first, claim);

        var other = NewApplication("hh_" + Guid.NewGuid().ToString("N"));
        await Assert.ThrowsAsync<IdempotencyKeyTaken>(() => Applications.AddAsync(other, claim));

        Assert.Null(await Applications.GetAsync(other.Id));
        Assert.Equal(first.Id, (await Keys.FindAsync(claim.Scope, claim.Key))!.ResourceId);
    }

    [Fact]
    public virtual async Task An_update_applies_only_at_the_version_read_and_frees_the_household_when_closed()
    {
        var application = NewApplication("hh_" + Guid.NewGuid().ToString("N"));
        await Applications.AddAsync(application, null);
        var claim = new IdempotencyClaim("dibao-step", Guid.NewGuid().ToString(), "f");
        var refused = application with { Status = ApplicationStatus.Refused, Version = 2, Reason = "refused" };

        Assert.False(await Applications.UpdateAsync(refused with { Version = 3 }, expectedVersion: 2, claim, [Event("evt_stale", application.Id)]));
        Assert.Null(await Keys.FindAsync(claim.Scope, claim.Key));
        Assert.True(await Applications.UpdateAsync(refused, expectedVersion: 1, claim, [Event("evt_1", application.Id), Event("evt_2", application.Id)]));
        Assert.False(await Applications.UpdateAsync(refused with { Version = 2 }, expectedVersion: 1, null, [Event("evt_late", application.Id)]));
        // The events were written with the change that reported them, in order; the refused writes wrote none.
        Assert.Equal(["evt_1", "evt_2"], await PendingEventsAsync());

        var stored = await Applications.GetAsync(application.Id);
        Assert.Equal((ApplicationStatus.Refused, 2, "refused"), (stored!.Status, stored.Version, stored.Reason));
        Assert.Equal(application.Id, (await Keys.FindAsync(claim.Scope, claim.Key))!.ResourceId);
        // Closed: the household may apply again.
        Assert.Null(await Applications.AddAsync(NewApplication(application.HouseholdId), null));
    }

    [Fact]
    public virtual async Task Applications_are_listed_by_status()
    {
        var posted = NewApplication("hh_" + Guid.NewGuid().ToString("N")) with { Status = ApplicationStatus.Posted };
        var active = NewApplication("hh_" + Guid.NewGuid().ToString("N")) with { Status = ApplicationStatus.Active };
        var submitted = NewApplication("hh_" + Guid.NewGuid().ToString("N"));
        foreach (var a in new[] { posted, active, submitted }) await Applications.AddAsync(a, null);

        var listed = await Applications.ListByStatusAsync([ApplicationStatus.Posted, ApplicationStatus.Active]);

        Assert.Contains(listed, a => a.Id == posted.Id);
        Assert.Contains(listed, a => a.Id == active.Id);
        Assert.DoesNotContain(listed, a => a.Id == submitted.Id);
        Assert.All(listed, a => Assert.Contains(a.Status, new[] { ApplicationStatus.Posted, ApplicationStatus.Active }));
    }

    private static Payment NewPayment(string householdId, DateOnly month, long amount, string source, Programme programme = Programme.Dibao) => new()
    {
        Id = Ids.New("pay"), HouseholdId = householdId, CaseId = "dba_" + householdId, Programme = programme, Month = month,
        AmountFen = amount, PaidAt = Now, Source = source,
    };

    [Fact]
    public virtual async Task A_run_pays_each_household_once_a_month_per_programme()
    {
        var (a, b) = ("hh_a" + Guid.NewGuid().ToString("N"), "hh_b" + Guid.NewGuid().ToString("N"));
        var december = new DateOnly(2026, 12, 1);
        var claim = new IdempotencyClaim("payment-run", Guid.NewGuid().ToString(), "f");

        var first = await Payments.RecordRunAsync(new PaymentRun("run_1" + a, december, Now, 0, 0, 0),
            [NewPayment(a, december, 97_000, "run_1"), NewPayment(b, december, 50_000, "run_1")], claim);
        var second = await Payments.RecordRunAsync(new PaymentRun("run_2" + a, december, Now, 0, 0, 0),
            [NewPayment(a, december, 97_000, "run_2"), NewPayment(a, december.AddMonths(1), 97_000, "run_2")], null);

        Assert.Equal((2, 0, 147_000L), (first.PaidCount, first.AlreadyPaidCount, first.TotalPaidFen));
        Assert.Equal((1, 1, 97_000L), (second.PaidCount, second.AlreadyPaidCount, second.TotalPaidFen));
        Assert.Equal(first, await Payments.GetRunAsync(first.Id));
        Assert.Equal(first.Id, (await Keys.FindAsync(claim.Scope, claim.Key))!.ResourceId);
        var ledger = await Payments.ListByHouseholdAsync(a);
        Assert.Equal([(december, "run_1"), (december.AddMonths(1), "run_2")], ledger.Select(p => (p.Month, p.Source)));
        Assert.False(await Payments.RecordAsync(NewPayment(b, december, 1, "grant")));
        Assert.True(await Payments.RecordAsync(NewPayment(b, december, 1, "grant", Programme.Temporary)));
        Assert.Equal([Programme.Dibao, Programme.Temporary], (await Payments.ListByHouseholdAsync(b)).Select(p => p.Programme));
    }

    private static SupportCase NewSupportCase(string householdId, Programme programme, SupportStatus status, string person = "") => new()
    {
        Id = Ids.New("sup"), HouseholdId = householdId, Programme = programme, Status = status, OpenedAt = Now, OpenedBy = "clerk",
        PersonIdNumber = person, AmountFen = 10_000,
    };

    [Fact]
    public virtual async Task A_support_case_is_stored_with_its_payment_or_not_at_all()
    {
        var household = "hh_" + Guid.NewGuid().ToString("N");
        var november = new DateOnly(2026, 11, 1);
        var first = NewSupportCase(household, Programme.Temporary, SupportStatus.PaperworkPending);
        Assert.Equal(SupportWrite.Done, await SupportCases.AddAsync(first, NewPayment(household, november, 10_000, first.Id, Programme.Temporary), null,
            [Event("evt_paid", first.Id)]));

        var second = NewSupportCase(household, Programme.Temporary, SupportStatus.PaperworkPending);
        var claim = new IdempotencyClaim("support-case", Guid.NewGuid().ToString(), "f");
        Assert.Equal(SupportWrite.AlreadyPaid, await SupportCases.AddAsync(second, NewPayment(household, november, 5_000, second.Id, Programme.Temporary), claim,
            [Event("evt_twice", second.Id)]));
        Assert.Equal(["evt_paid"], await PendingEventsAsync());

        Assert.Null(await SupportCases.GetAsync(second.Id));
        Assert.Null(await Keys.FindAsync(claim.Scope, claim.Key));
        Assert.Equal([first.Id], (await Payments.ListByHouseholdAsync(household)).Select(p => p.Source));
        Assert.Contains(await SupportCases.ListByStatusAsync([SupportStatus.PaperworkPending]), c => c.Id == first.Id);
    }

    [Fact]
    public virtual async Task One_open_extreme_poverty_case_per_person()
    {
        var person = IdNumbers.Woman(80);
        var first = NewSupportCase("hh_" + Guid.NewGuid().ToString("N"), Programme.ExtremePoverty, SupportStatus.Active, person);
        Assert.Equal(SupportWrite.Done, await SupportCases.AddAsync(first, null, null, [Event("evt_approved", first.Id)]));

        Assert.Equal(SupportWrite.AlreadyOpen, await SupportCases.AddAsync(first with { Id = Ids.New("sup") }, null, null, [Event("evt_again", first.Id)]));
        Assert.Equal(SupportWrite.Done, await SupportCases.AddAsync(
            NewSupportCase(first.HouseholdId, Programme.Temporary, SupportStatus.Submitted, person), null, null, []));
        Assert.Equal(["evt_approved"], await PendingEventsAsync());
    }

    [Fact]
    public virtual async Task A_support_case_update_applies_at_the_version_read_with_its_payment()
    {
        var household = "hh_" + Guid.NewGuid().ToString("N");
        var submitted = NewSupportCase(household, Programme.Temporary, SupportStatus.Submitted);
        await SupportCases.AddAsync(submitted, null, null, []);
        var paid = submitted with { Status = SupportStatus.Paid, Version = 2 };
        var payment = NewPayment(household, new DateOnly(2026, 11, 1), 10_000, submitted.Id, Programme.Temporary);

        Assert.Equal(SupportWrite.Stale, await SupportCases.UpdateAsync(paid, expectedVersion: 2, payment, null, [Event("evt_stale", paid.Id)]));
        Assert.Empty(await Payments.ListByHouseholdAsync(household));
        Assert.Empty(await PendingEventsAsync());
        Assert.Equal(SupportWrite.Done, await SupportCases.UpdateAsync(paid, expectedVersion: 1, payment, null, [Event("evt_paid", paid.Id)]));
        Assert.Equal(["evt_paid"], await PendingEventsAsync());

        Assert.Equal((SupportStatus.Paid, 2), ((await SupportCases.GetAsync(submitted.Id))!.Status, (await SupportCases.GetAsync(submitted.Id))!.Version));
        Assert.Single(await Payments.ListByHouseholdAsync(household));
    }
}
