using DayEnd = CivilAffairs.Marriage.DayEnd;
using CivilAffairs.Marriage.V1;
using Party = CivilAffairs.Marriage.V1.Party;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Marriage.Tests;

/// <summary>Divorce by agreement across every boundary of the cooling-off period: day 30, 31, 60 and 61.</summary>
public sealed class DivorceCoolingOffTests : IDisposable
{
    private static readonly DateTime AcceptedAt = new(2026, 12, 14, 10, 0, 0); // day 0
    private readonly MarriageOffice _office = new(new DateTime(2026, 12, 12, 9, 0, 0));

    private async Task<(V1.DivorceApplication Application, Party Man, Party Woman)> AcceptedDivorceAsync()
    {
        await _office.OpenDayAsync("2026-12-12");
        var (record, man, woman) = await _office.MarryAsync();
        _office.At(AcceptedAt);
        var application = await _office.Registry.AcceptDivorceAsync(new AcceptDivorceRequest
        {
            OfficeId = MarriageOffice.Id, CertificateNumber = record.CurrentCertificateNumber, FirstIdNumber = woman.IdNumber, SecondIdNumber = man.IdNumber,
            Agreement = new DivorceAgreement { Children = "无子女", Property = "房产归女方，男方获补偿二十万元", Debts = "无共同债务" }, ClerkId = "clerk-03",
        });
        return (application, man, woman);
    }

    private void OnDay(int day) => _office.At(AcceptedAt.AddDays(day));

    private Task<V1.DivorceApplication> RegisterAsync(V1.DivorceApplication application, Party man, Party woman, string? office = null) =>
        _office.Registry.RegisterDivorceAsync(new RegisterDivorceRequest
        {
            ApplicationId = application.ApplicationId, OfficeId = office ?? MarriageOffice.Id, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            ClerkId = "clerk-03", WindowNumber = 1,
        }).ResponseAsync;

    private Task<V1.DivorceApplication> WithdrawAsync(V1.DivorceApplication application, Party who) =>
        _office.Registry.WithdrawDivorceAsync(new WithdrawDivorceRequest { ApplicationId = application.ApplicationId, OfficeId = MarriageOffice.Id, IdNumber = who.IdNumber, Reason = "和好" }).ResponseAsync;

    private Task<V1.DivorceApplication> GetAsync(V1.DivorceApplication application) =>
        _office.Registry.GetDivorceApplicationAsync(new GetDivorceApplicationRequest { ApplicationId = application.ApplicationId }).ResponseAsync;

    [Fact]
    public async Task Acceptance_is_day_0_with_a_receipt_and_the_deadlines_of_the_timeline()
    {
        var (application, _, _) = await AcceptedDivorceAsync();
        Assert.Equal((DivorceStatus.CoolingOff, 0, "2026-12-14"), (application.Status, application.Day, application.AcceptedOn));
        Assert.StartsWith("R2026-xicheng-1-", application.ReceiptNumber);
        Assert.Equal(("2027-01-13", "2027-01-14", "2027-02-12"),
            (application.WithdrawalDeadline, application.RegistrationOpensOn, application.RegistrationDeadline));
    }

    [Fact]
    public async Task Either_party_alone_may_withdraw_on_day_30()
    {
        var (application, man, woman) = await AcceptedDivorceAsync();
        OnDay(30);
        var withdrawn = await WithdrawAsync(application, woman);
        Assert.Equal(DivorceStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("DIVORCE_WITHDRAWN", withdrawn.History.Last().Action);
        var record = (await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = man.IdNumber })).Records.Single();
        Assert.Equal(MarriageStatus.Married, record.Status);
        Assert.Equal("DIVORCE_WITHDRAWN", record.History.Last().Action);
        Assert.Equal("钱*英".Length, record.History.Last().By.Length);
        var again = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(application, man, woman));
        Assert.Contains("withdrawn", again.Status.Detail);
    }

    [Fact]
    public async Task On_day_31_withdrawal_alone_is_over_and_registration_opens()
    {
        var (application, man, woman) = await AcceptedDivorceAsync();
        OnDay(30);
        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(application, man, woman));
        Assert.Equal(StatusCode.FailedPrecondition, tooEarly.StatusCode);
        Assert.Contains("cooling-off period runs until 2027-01-13", tooEarly.Status.Detail);

        OnDay(31);
        Assert.Equal((DivorceStatus.AwaitingRegistration, 31), ((await GetAsync(application)).Status, (await GetAsync(application)).Day));
        var late = await Assert.ThrowsAsync<RpcException>(() => WithdrawAsync(application, man));
        Assert.Contains("until 2027-01-13 (day 30)", late.Status.Detail);

        var divorced = await RegisterAsync(application, man, woman);
        Assert.Equal(DivorceStatus.Divorced, divorced.Status);
        Assert.StartsWith("L2027-xicheng-1-", divorced.DivorceCertificateNumber);
        var record = await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = divorced.DivorceCertificateNumber });
        Assert.Equal(MarriageStatus.Dissolved, record.Status);
        Assert.Equal(CertificateStatus.SupersededByDivorce, record.Certificates.First().Status);
        Assert.Equal(["REGISTERED", "DIVORCE_ACCEPTED", "DIVORCED"], record.History.Select(h => h.Action));
    }

    [Fact]
    public async Task Both_must_return_to_the_office_that_accepted()
    {
        var (application, man, woman) = await AcceptedDivorceAsync();
        OnDay(40);
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(application, man, woman, office: "dongcheng-2"));
        Assert.Contains("office that accepted", elsewhere.Status.Detail);
        var someoneElse = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(application, man, MarriageOffice.Person(new DateOnly(1990, 5, 5), CivilAffairs.SharedKernel.Sex.Female)));
        Assert.Contains("do not match", someoneElse.Status.Detail);
    }

    [Fact]
    public async Task Day_60_is_the_last_day_to_register()
    {
        var (application, man, woman) = await AcceptedDivorceAsync();
        OnDay(60);
        Assert.Equal(DivorceStatus.Divorced, (await RegisterAsync(application, man, woman)).Status);
    }

    [Fact]
    public async Task On_day_61_the_application_is_deemed_withdrawn_on_its_own_and_the_record_says_so()
    {
        var (application, man, woman) = await AcceptedDivorceAsync();
        OnDay(61);
        Assert.Equal(DivorceStatus.DeemedWithdrawn, (await GetAsync(application)).Status);
        var refused = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(application, man, woman));
        Assert.Contains("deemed withdrawn", refused.Status.Detail);

        var dayEnd = _office.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DayEnd>().Single();
        await dayEnd.RunOnceAsync(default);
        var closed = await GetAsync(application);
        Assert.Equal(DivorceStatus.DeemedWithdrawn, closed.Status);
        Assert.Equal("DIVORCE_DEEMED_WITHDRAWN", closed.History.Last().Action);
        var record = (await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = man.IdNumber })).Records.Single();
        Assert.Equal(MarriageStatus.Married, record.Status);
        Assert.Equal("DIVORCE_DEEMED_WITHDRAWN", record.History.Last().Action);

        // The marriage stands, so a new application can be accepted.
        await _office.Registry.AcceptDivorceAsync(new AcceptDivorceRequest
        {
            OfficeId = MarriageOffice.Id, CertificateNumber = record.CurrentCertificateNumber, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            Agreement = new DivorceAgreement { Children = "无", Property = "无", Debts = "无" }, ClerkId = "clerk-03",
        });
    }

    [Fact]
    public async Task No_agreement_no_acceptance_and_a_second_open_application_is_already_exists()
    {
        var (application, man, woman) = await AcceptedDivorceAsync();
        var record = (await _office.Registry.SearchRecordsByIdNumberAsync(new SearchRecordsByIdNumberRequest { IdNumber = man.IdNumber })).Records.Single();
        var request = new AcceptDivorceRequest
        {
            OfficeId = MarriageOffice.Id, CertificateNumber = record.CurrentCertificateNumber, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            Agreement = new DivorceAgreement { Children = "无", Property = "", Debts = "无" }, ClerkId = "clerk-03",
        };
        var noAgreement = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.AcceptDivorceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noAgreement.StatusCode);
        Assert.Contains("agreement.property", noAgreement.Status.Detail);

        request.Agreement.Property = "各自所有";
        var second = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.AcceptDivorceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, second.StatusCode);

        request.CertificateNumber = "J2026-elsewhere-000001";
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.AcceptDivorceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, unknown.StatusCode);
        Assert.Contains("is registered in the records", unknown.Status.Detail);
        Assert.Equal(DivorceStatus.CoolingOff, (await GetAsync(application)).Status);
    }

    public void Dispose() => _office.Dispose();
}
