using CivilAffairs.Marriage.Domain;
using DivorceAgreement = CivilAffairs.Marriage.V1.DivorceAgreement;
using EndingKind = CivilAffairs.Marriage.V1.EndingKind;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Party = CivilAffairs.Marriage.V1.Party;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// The cooling-off deadlines with the official 2026 calendar: a period whose last day is a weekend or public holiday
/// ends on the next working day, and the second period is counted from the moved end.
/// </summary>
public sealed class DivorceDeadlinesOnWorkingDaysTests
{
    private static readonly CoolingOffPeriod Period = new(WorkingDayCalendar.Official());

    private static (string, string, string) Deadlines(DateOnly acceptedOn)
    {
        var timeline = Period.For(acceptedOn);
        return (Dates.Format(timeline.WithdrawalDeadline), Dates.Format(timeline.RegistrationOpensOn), Dates.Format(timeline.RegistrationDeadline));
    }

    [Fact]
    public void Accepted_on_2026_08_03_the_registration_period_ends_on_2026_10_08_after_National_Day()
    {
        Assert.Equal(("2026-09-02", "2026-09-03", "2026-10-08"), Deadlines(new DateOnly(2026, 8, 3)));
    }

    [Fact]
    public void Day_30_on_a_Saturday_ends_the_cooling_off_on_Monday_and_day_60_counts_from_Monday()
    {
        // Accepted Thursday 2026-10-15: day 30 is Saturday 11-14, so the cooling-off ends Monday 11-16; 30 days after is Wednesday 12-16.
        Assert.Equal(("2026-11-16", "2026-11-17", "2026-12-16"), Deadlines(new DateOnly(2026, 10, 15)));
    }

    [Fact]
    public void Day_60_on_a_Saturday_moves_to_Monday_after_a_cooling_off_moved_past_National_Day()
    {
        // Accepted 2026-09-01: day 30 is 10-01 (National Day) -> 10-08; 30 days after is Saturday 11-07 -> Monday 11-09.
        Assert.Equal(("2026-10-08", "2026-10-09", "2026-11-09"), Deadlines(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Around_the_Spring_Festival_day_30_and_day_60_move_to_the_24th_of_February_and_the_worked_Saturday_stays()
    {
        // Day 30 on Sunday 02-15, the first day of the Spring Festival (02-15..02-23): the cooling-off ends Tuesday 02-24.
        Assert.Equal(("2026-02-24", "2026-02-25", "2026-03-26"), Deadlines(new DateOnly(2026, 1, 16)));
        // Day 60 on Wednesday 02-18, in the Spring Festival: the registration period ends 02-24 as well.
        Assert.Equal(("2026-01-19", "2026-01-20", "2026-02-24"), Deadlines(new DateOnly(2025, 12, 20)));
        // Saturday 02-14 is worked in exchange (调休): a period ending that day ends that day.
        Assert.Equal(("2026-02-14", "2026-02-15", "2026-03-16"), Deadlines(new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void The_phases_follow_the_moved_ends()
    {
        var timeline = Period.For(new DateOnly(2026, 8, 3));
        Assert.Equal(DivorcePhase.CoolingOff, timeline.PhaseOn(new DateOnly(2026, 9, 2)));
        Assert.Equal(DivorcePhase.AwaitingRegistration, timeline.PhaseOn(new DateOnly(2026, 9, 3)));
        Assert.Equal(DivorcePhase.AwaitingRegistration, timeline.PhaseOn(new DateOnly(2026, 10, 8)));
        Assert.Equal(DivorcePhase.Expired, timeline.PhaseOn(new DateOnly(2026, 10, 9)));
    }
}

/// <summary>The same deadlines played through the gateway: what a couple is told and when they may come.</summary>
public sealed class DivorceTimelineThroughGatewayTests : IDisposable
{
    private MarriageOffice _office = null!;

    private async Task<(V1.DivorceApplication Application, Party Man, Party Woman)> AcceptedOnAsync(DateTime marriedAt, DateTime acceptedAt)
    {
        _office = new MarriageOffice(marriedAt, throughGateway: true);
        await _office.OpenDayAsync(DateOnly.FromDateTime(marriedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var (record, man, woman) = await _office.MarryAsync();
        _office.At(acceptedAt);
        var application = await _office.Registry.AcceptDivorceAsync(new AcceptDivorceRequest
        {
            OfficeId = MarriageOffice.Id, CertificateNumber = record.CurrentCertificateNumber, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            Agreement = new DivorceAgreement { Children = "无子女", Property = "各自所有", Debts = "无" }, ClerkId = "clerk-03",
        });
        return (application, man, woman);
    }

    private Task<V1.DivorceApplication> RegisterAsync(V1.DivorceApplication application, Party man, Party woman) =>
        _office.Registry.RegisterDivorceAsync(new RegisterDivorceRequest
        {
            ApplicationId = application.ApplicationId, OfficeId = MarriageOffice.Id, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            ClerkId = "clerk-03", WindowNumber = 1,
        }).ResponseAsync;

    private Task<V1.DivorceApplication> GetAsync(V1.DivorceApplication application) =>
        _office.Registry.GetDivorceApplicationAsync(new GetDivorceApplicationRequest { ApplicationId = application.ApplicationId }).ResponseAsync;

    [Fact]
    public async Task The_divorce_accepted_on_2026_08_03_registers_on_2026_10_08()
    {
        var (application, man, woman) = await AcceptedOnAsync(new DateTime(2026, 7, 31, 9, 0, 0), new DateTime(2026, 8, 3, 10, 0, 0));
        Assert.Equal(("2026-09-02", "2026-09-03", "2026-10-08"),
            (application.WithdrawalDeadline, application.RegistrationOpensOn, application.RegistrationDeadline));

        _office.At(new DateTime(2026, 10, 5, 10, 0, 0)); // day 63, in the National Day holiday: still open
        var dayEnd = _office.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DayEnd>().Single();
        await dayEnd.RunOnceAsync(default);
        Assert.Equal(DivorceStatus.AwaitingRegistration, (await GetAsync(application)).Status);

        _office.At(new DateTime(2026, 10, 8, 10, 0, 0));
        var divorced = await RegisterAsync(application, man, woman);
        Assert.Equal(DivorceStatus.Divorced, divorced.Status);
        var record = await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = divorced.DivorceCertificateNumber });
        Assert.Equal(("divorced", EndingKind.DivorceByAgreement, "2026-10-08"), (record.StatusInWords, record.Ending.Kind, record.Ending.EffectiveOn));
    }

    [Fact]
    public async Task Around_a_weekend_the_couple_may_withdraw_on_Monday_day_32_and_register_from_Tuesday()
    {
        var (application, man, woman) = await AcceptedOnAsync(new DateTime(2026, 10, 12, 9, 0, 0), new DateTime(2026, 10, 15, 10, 0, 0));
        _office.At(new DateTime(2026, 11, 16, 16, 0, 0));
        Assert.Equal((DivorceStatus.CoolingOff, 32), ((await GetAsync(application)).Status, (await GetAsync(application)).Day));
        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(application, man, woman));
        Assert.Contains("cooling-off period runs until 2026-11-16", tooEarly.Status.Detail);

        _office.At(new DateTime(2026, 11, 17, 9, 0, 0));
        var late = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.WithdrawDivorceAsync(new WithdrawDivorceRequest
        {
            ApplicationId = application.ApplicationId, OfficeId = MarriageOffice.Id, IdNumber = man.IdNumber,
        }).ResponseAsync);
        Assert.Contains("until 2026-11-16", late.Status.Detail);
        _office.At(new DateTime(2026, 12, 16, 16, 0, 0));
        Assert.Equal(DivorceStatus.Divorced, (await RegisterAsync(application, man, woman)).Status);
    }

    [Fact]
    public async Task A_withdrawal_is_made_at_the_office_that_accepted()
    {
        var (application, man, _) = await AcceptedOnAsync(new DateTime(2026, 11, 2, 9, 0, 0), new DateTime(2026, 11, 3, 10, 0, 0));
        _office.At(new DateTime(2026, 11, 10, 10, 0, 0));
        var request = new WithdrawDivorceRequest { ApplicationId = application.ApplicationId, OfficeId = "dongcheng-2", IdNumber = man.IdNumber };
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.WithdrawDivorceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, elsewhere.StatusCode);
        Assert.Contains("office that accepted the application (xicheng-1)", elsewhere.Status.Detail);
        Assert.Equal(DivorceStatus.CoolingOff, (await GetAsync(application)).Status);

        request.OfficeId = MarriageOffice.Id;
        Assert.Equal(DivorceStatus.Withdrawn, (await _office.Registry.WithdrawDivorceAsync(request)).Status);
    }

    public void Dispose() => _office?.Dispose();
}
