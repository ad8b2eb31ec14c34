using System.Net;
using System.Text.Json;
using CivilAffairs.Marriage.V1;
using Grpc.Core;
using Party = CivilAffairs.Marriage.V1.Party;

namespace CivilAffairs.Marriage.Tests;

/// <summary>
/// Certificates through the gateway: a divorce certificate reissued from the archive, a divorce of a marriage registered
/// at another office, and the anonymous check a bank or a housing office makes with the code printed on a certificate.
/// </summary>
public sealed class CertificatesThroughGatewayTests : IDisposable
{
    private readonly MarriageOffice _office = new(new DateTime(2026, 11, 2, 9, 0, 0), throughGateway: true);

    private static DivorceAgreement Agreement() => new() { Children = "无子女", Property = "各自所有", Debts = "无" };

    private async Task<V1.DivorceApplication> DivorcedAsync(AcceptDivorceRequest accept, Party man, Party woman)
    {
        var application = await _office.Registry.AcceptDivorceAsync(accept);
        _office.Wait(TimeSpan.FromDays(35));
        return await _office.Registry.RegisterDivorceAsync(new RegisterDivorceRequest
        {
            ApplicationId = application.ApplicationId, OfficeId = MarriageOffice.Id, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
            ClerkId = "clerk-03", WindowNumber = 1,
        });
    }

    private static AcceptDivorceRequest Accept(string certificate, Party man, Party woman) => new()
    {
        OfficeId = MarriageOffice.Id, CertificateNumber = certificate, FirstIdNumber = man.IdNumber, SecondIdNumber = woman.IdNumber,
        Agreement = Agreement(), ClerkId = "clerk-03",
    };

    private async Task<(HttpStatusCode Status, string Body)> VerifyAnonymouslyAsync(string number, string code)
    {
        using var anonymous = _office.Anonymous();
        var response = await anonymous.GetAsync($"/api/marriage/v1/certificates/{Uri.EscapeDataString(number)}/verification?code={Uri.EscapeDataString(code)}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lost_divorce_certificate_is_reissued_from_the_archive_and_the_marriage_certificate_no_longer_is()
    {
        await _office.OpenDayAsync("2026-11-02");
        var (record, man, woman) = await _office.MarryAsync();
        var divorced = await DivorcedAsync(Accept(record.CurrentCertificateNumber, man, woman), man, woman);

        var reissued = await _office.Registry.ReissueCertificateAsync(new ReissueCertificateRequest
        {
            CertificateNumber = divorced.DivorceCertificateNumber, ApplicantIdNumber = woman.IdNumber, Reason = "搬家遗失", ClerkId = "clerk-03",
            OfficeId = MarriageOffice.Id, WindowNumber = 2,
        });
        var divorceCertificates = reissued.Certificates.Where(c => c.Kind == CertificateKind.DivorceCertificate).ToList();
        Assert.Equal([CertificateStatus.Replaced, CertificateStatus.Valid], divorceCertificates.Select(c => c.Status));
        Assert.Equal(divorced.DivorceCertificateNumber, divorceCertificates[1].Replaces);
        Assert.StartsWith("L2026-xicheng-1-", divorceCertificates[1].Number);
        Assert.Equal("REISSUED", reissued.History.Last().Action);
        Assert.Contains("divorce certificate", reissued.History.Last().Reason);

        var marriageCertificate = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.ReissueCertificateAsync(new ReissueCertificateRequest
        {
            CertificateNumber = record.CurrentCertificateNumber, ApplicantIdNumber = woman.IdNumber, Reason = "遗失", ClerkId = "clerk-03",
            OfficeId = MarriageOffice.Id, WindowNumber = 2,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, marriageCertificate.StatusCode);
        Assert.Contains("marriage certificate cannot be reissued", marriageCertificate.Status.Detail);

        // The lost one, shown to a bank, says it was replaced; the new one is valid.
        var (lostStatus, lostBody) = await VerifyAnonymouslyAsync(divorceCertificates[0].Number, divorceCertificates[0].VerificationCode);
        Assert.Equal(HttpStatusCode.OK, lostStatus);
        Assert.Equal("replaced by a reissue", JsonDocument.Parse(lostBody).RootElement.GetProperty("standingInWords").GetString());
        var (_, newBody) = await VerifyAnonymouslyAsync(divorceCertificates[1].Number, divorceCertificates[1].VerificationCode);
        Assert.Equal("valid", JsonDocument.Parse(newBody).RootElement.GetProperty("standingInWords").GetString());
    }

    [Fact]
    public async Task A_marriage_registered_at_another_office_is_divorced_here_on_the_clerks_entry_of_its_certificate()
    {
        var (man, woman) = Couples.Next();
        var request = Accept("J2019-310101-004521", man, woman);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _office.Registry.AcceptDivorceAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("registered_elsewhere", refused.Status.Detail);

        request.RegisteredElsewhere = new MarriageRegisteredElsewhere
        {
            RegisteredOn = "2019-05-20", IssuingOffice = "上海市黄浦区民政局婚姻登记处", FirstPartyName = man.Name, SecondPartyName = woman.Name,
        };
        var divorced = await DivorcedAsync(request, man, woman);

        Assert.Equal(DivorceStatus.Divorced, divorced.Status);
        var record = await _office.Registry.GetRecordByCertificateAsync(new GetRecordByCertificateRequest { CertificateNumber = "J2019-310101-004521" });
        Assert.Equal(("J2019-310101-004521", "2019-05-20", "上海市黄浦区民政局婚姻登记处"),
            (record.RegisteredElsewhere.CertificateNumber, record.RegisteredElsewhere.RegisteredOn, record.RegisteredElsewhere.IssuingOffice));
        Assert.Equal(["ENTERED_FROM_ANOTHER_OFFICE", "DIVORCE_ACCEPTED", "DIVORCED"], record.History.Select(h => h.Action));
        Assert.Equal(("divorced", "2019-05-20"), (record.StatusInWords, record.RegisteredOn));
        var entered = record.Certificates.First();
        Assert.Equal(("上海市黄浦区民政局婚姻登记处", ""), (entered.IssuedBy, entered.VerificationCode)); // not ours to vouch for
        var divorceCertificate = record.Certificates.Single(c => c.Kind == CertificateKind.DivorceCertificate);
        Assert.Equal(divorced.DivorceCertificateNumber, divorceCertificate.Number);
        Assert.NotEmpty(divorceCertificate.VerificationCode);
    }

    [Fact]
    public async Task A_certificate_is_verified_anonymously_and_a_wrong_code_is_indistinguishable_from_an_unknown_number()
    {
        await _office.OpenDayAsync("2026-11-02");
        var (record, man, woman) = await _office.MarryAsync();
        var certificate = record.Certificates.Single();
        Assert.Matches("^[2-9A-HJ-NP-Z]{16}$", certificate.VerificationCode);
        Assert.EndsWith($"/api/marriage/v1/certificates/{certificate.Number}/verification?code={certificate.VerificationCode}", certificate.VerificationLink);

        var (status, body) = await VerifyAnonymouslyAsync(certificate.Number, certificate.VerificationCode.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, status);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("CERTIFICATE_VALID", "valid", "2026-11-02"),
            (answer.GetProperty("standing").GetString(), answer.GetProperty("standingInWords").GetString(), answer.GetProperty("date").GetString()));
        Assert.Equal(["张*明", "李*英"], answer.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        Assert.DoesNotContain(man.IdNumber, body);
        Assert.DoesNotContain(woman.IdNumber[..10], body);
        Assert.DoesNotContain(man.Phone, body);

        var wrongCode = await VerifyAnonymouslyAsync(certificate.Number, "ABCDEFGHJKLMNPQR");
        var unknownNumber = await VerifyAnonymouslyAsync("J2026-xicheng-1-000999", certificate.VerificationCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.Status);
        Assert.Equal(unknownNumber, wrongCode);

        // After a court's divorce the same certificate reads as ended, with how and when.
        await _office.Registry.RecordCourtDivorceAsync(new RecordCourtDivorceRequest
        {
            CertificateNumber = certificate.Number, Kind = CourtDivorceKind.Mediation, Court = "北京市西城区人民法院", CaseNumber = "(2026)京0102民初77号",
            EffectiveOn = "2026-11-02", ClerkId = "clerk-03", OfficeId = MarriageOffice.Id,
        });
        var ended = JsonDocument.Parse((await VerifyAnonymouslyAsync(certificate.Number, certificate.VerificationCode)).Body).RootElement;
        Assert.Equal(("MARRIAGE_HAS_ENDED", "ended: divorced", "divorced", "2026-11-02"), (ended.GetProperty("standing").GetString(),
            ended.GetProperty("standingInWords").GetString(), ended.GetProperty("endedHow").GetString(), ended.GetProperty("date").GetString()));
    }

    public void Dispose() => _office.Dispose();
}
