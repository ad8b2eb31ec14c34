using CivilAffairs.Marriage.V1;
using Grpc.Core;
using Party = CivilAffairs.Marriage.V1.Party;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// The ends of a marriage, through the real gateway as a partner: the death of a spouse, a court's divorce, a court's
/// declaration of invalidity or annulment. Each ends the record with its evidence and frees both persons to marry again.
/// </summary>
public sealed class MarriageEndsThroughGatewayTests : IDisposable
{
    private const string Court = "北京市西城区人民法院";
    private readonly MarriageOffice _office = new(new DateTime(2026, 12, 1, 9, 0, 0), throughGateway: true);

    private async Task<(V1.MarriageRecord Record, Party Man, Party Woman)> MarriedOnTheFirstAsync()
    {
        await _office.OpenDayAsync("2026-12-01");
        return await _office.MarryAsync();
    }

    /// <summary>The next morning at the office, with the day open for walk-ins.</summary>
    private async Task NextDayAsync(string date)
    {
        _office.At(DateTime.Parse(date + "T09:00:00", System.Globalization.CultureInfo.InvariantCulture));
        await _office.OpenDayAsync(date);
    }

    private async Task<V1.MarriageRecord> WalkInAndMarryAsync(Party man, Party woman)
    {
        await _office.WalkInAsync(man, woman);
        var called = await _office.CallAsync(1);
        return await _office.RegisterAsync(called, man, woman);
    }

    private Task<V1.MarriageRecord> RecordDeathAsync(Party deceased, string date, string clerk = "") =>
        _office.Registry.RecordDeathAsync(new RecordDeathRequest
        {
            DeceasedIdNumber = deceased.IdNumber, DateOfDeath = date, Evidence = DeathEvidence.CremationCertificate,
            EvidenceNumber = "HH2026-110102-00871", ClerkId = clerk, OfficeId = MarriageOffice.Id,
        }).ResponseAsync;

    private async Task<V1.MarriageRecord> SearchAsync(Party person) =>
        (await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = person.IdNumber })).Records.Single();

    [Fact]
    public async Task A_widow_remarries_after_the_death_is_recorded()
    {
        var (record, man, woman) = await MarriedOnTheFirstAsync();
        await NextDayAsync("2026-12-03");
        var newHusband = MarriageOffice.Person(new DateOnly(1990, 3, 3), SharedKernel.Sex.Male, "王五");
        await _office.WalkInAsync(newHusband, woman);
        var called = await _office.CallAsync(1);
        var before = await Assert.ThrowsAsync<RpcException>(() => _office.RegisterAsync(called, newHusband, woman));
        Assert.Equal(StatusCode.FailedPrecondition, before.StatusCode);
        Assert.Contains("recorded as married (this platform's archive)", before.Status.Detail);

        // A partner system (the funeral home's) reports the death: no clerk, the partner is recorded.
        var ended = await RecordDeathAsync(man, "2026-12-02");

        Assert.Equal((MarriageStatus.Widowed, "widowed"), (ended.Status, ended.StatusInWords));
        Assert.Equal((EndingKind.DeathOfSpouse, "2026-12-02", DeathEvidence.CremationCertificate, "HH2026-110102-00871"),
            (ended.Ending.Kind, ended.Ending.EffectiveOn, ended.Ending.DeathEvidence, ended.Ending.EvidenceNumber));
        Assert.Equal("partner:all-scopes", ended.Ending.RecordedBy);
        Assert.Equal(record.FirstParty.MaskedName, ended.Ending.Deceased.MaskedName);
        Assert.Equal(["REGISTERED", "DEATH_RECORDED"], ended.History.Select(h => h.Action));
        Assert.Equal(CertificateStatus.MarriageEnded, ended.Certificates.Single().Status);

        var remarried = await _office.RegisterAsync(called, newHusband, woman);
        Assert.Equal(MarriageStatus.Married, remarried.Status);
        var records = (await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = woman.IdNumber })).Records;
        Assert.Equal(["widowed", "married"], records.Select(r => r.StatusInWords));
        Assert.Equal("this platform's archive", remarried.MaritalStatusChecked);
    }

    [Fact]
    public async Task A_court_divorce_and_an_annulment_end_the_record_and_free_both_parties()
    {
        var (first, man1, woman1) = await MarriedOnTheFirstAsync();
        var (second, man2, woman2) = await _office.MarryAsync(window: 2);
        await NextDayAsync("2026-12-10");

        var divorced = await _office.Registry.RecordCourtDivorceAsync(new RecordCourtDivorceRequest
        {
            CertificateNumber = first.CurrentCertificateNumber, Kind = CourtDivorceKind.Judgment, Court = Court,
            CaseNumber = "(2026)京0102民初1234号", EffectiveOn = "2026-12-09", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id,
        });
        Assert.Equal((MarriageStatus.Dissolved, "divorced", EndingKind.CourtJudgment, Court, "(2026)京0102民初1234号", "2026-12-09"),
            (divorced.Status, divorced.StatusInWords, divorced.Ending.Kind, divorced.Ending.Court, divorced.Ending.CaseNumber, divorced.Ending.EffectiveOn));
        Assert.Equal("COURT_DIVORCE_RECORDED", divorced.History.Last().Action);

        var annulled = await _office.Registry.RecordNullityAsync(new RecordNullityRequest
        {
            CertificateNumber = second.CurrentCertificateNumber, Ground = NullityGround.Coercion, Court = Court,
            CaseNumber = "(2026)京0102民初2345号", EffectiveOn = "2026-12-10", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id,
        });
        Assert.Equal((MarriageStatus.Annulled, "annulled", EndingKind.AnnulledByCourt, NullityGround.Coercion),
            (annulled.Status, annulled.StatusInWords, annulled.Ending.Kind, annulled.Ending.Ground));

        // All four may register again: two new couples of the same persons, crossed.
        var crossedA = await WalkInAndMarryAsync(man1, woman2);
        _office.Wait(TimeSpan.FromMinutes(10));
        var crossedB = await WalkInAndMarryAsync(man2, woman1);
        Assert.All([crossedA, crossedB], r => Assert.Equal(MarriageStatus.Married, r.Status));
        Assert.Equal(["divorced", "married"], (await _office.Registry.SearchRecordsByIdNumberAsync(
            new SearchRecordsByIdNumberRequest { IdNumber = woman1.IdNumber })).Records.Select(r => r.StatusInWords));
    }

    [Fact]
    public async Task A_bigamous_marriage_is_declared_invalid_and_a_second_decision_is_refused()
    {
        var (record, _, _) = await MarriedOnTheFirstAsync();
        await NextDayAsync("2026-12-04");
        var request = new RecordNullityRequest
        {
            CertificateNumber = record.CurrentCertificateNumber, Ground = NullityGround.Bigamy, Court = Court,
            CaseNumber = "(2026)京0102民初3456号", EffectiveOn = "2026-12-04", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id,
        };
        var invalid = await _office.Registry.RecordNullityAsync(request);
        Assert.Equal((MarriageStatus.Invalid, "invalid", EndingKind.DeclaredInvalid), (invalid.Status, invalid.StatusInWords, invalid.Ending.Kind));

        var again = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.RecordCourtDivorceAsync(new RecordCourtDivorceRequest
        {
            CertificateNumber = record.CurrentCertificateNumber, Kind = CourtDivorceKind.Mediation, Court = Court, CaseNumber = "(2026)京0102民初9号",
            EffectiveOn = "2026-12-04", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already ended (invalid, 2026-12-04)", again.Status.Detail);
        var unchanged = await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = record.CurrentCertificateNumber });
        Assert.Equal(invalid.History.Count, unchanged.History.Count);
        Assert.Equal(EndingKind.DeclaredInvalid, unchanged.Ending.Kind);
    }

    [Fact]
    public async Task A_death_date_in_the_future_or_before_the_marriage_an_unknown_certificate_and_a_death_after_the_end_are_refused_writing_nothing()
    {
        var (record, man, woman) = await MarriedOnTheFirstAsync();
        await NextDayAsync("2026-12-05");

        var future = await Assert.ThrowsAsync<RpcException>(() => RecordDeathAsync(man, "2026-12-06", "clerk-07"));
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Contains("date_of_death", future.Status.Detail);
        var early = await Assert.ThrowsAsync<RpcException>(() => RecordDeathAsync(man, "2026-11-30", "clerk-07"));
        Assert.Equal(StatusCode.InvalidArgument, early.StatusCode);
        Assert.Contains("before the marriage was registered (2026-12-01)", early.Status.Detail);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.RecordCourtDivorceAsync(new RecordCourtDivorceRequest
        {
            CertificateNumber = "J2026-xicheng-1-999999", Kind = CourtDivorceKind.Judgment, Court = Court, CaseNumber = "(2026)京0102民初1号",
            EffectiveOn = "2026-12-05", ClerkId = "clerk-07", OfficeId = MarriageOffice.Id,
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var stillMarried = await SearchAsync(man);
        Assert.Equal((MarriageStatus.Married, 1), (stillMarried.Status, stillMarried.History.Count));

        await RecordDeathAsync(woman, "2026-12-04", "clerk-07");
        var twice = await Assert.ThrowsAsync<RpcException>(() => RecordDeathAsync(man, "2026-12-05", "clerk-07"));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains("already ended (widowed", twice.Status.Detail);
        Assert.Equal(2, (await SearchAsync(man)).History.Count);
        Assert.Equal(record.MarriageId, (await SearchAsync(man)).MarriageId);
    }

    public void Dispose() => _office.Dispose();
}
