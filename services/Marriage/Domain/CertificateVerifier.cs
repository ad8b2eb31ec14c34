using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

public enum CertificateStanding { Valid = 1, ReplacedByReissue = 2, MarriageHasEnded = 3 }

/// <summary>All a third party learns of a certificate: its standing, the date of it, how the marriage ended, the masked names.</summary>
public sealed record CertificateCheck(string Number, CertificateKind Kind, CertificateStanding Standing, DateOnly Date, string? EndedHow,
    IReadOnlyList<string> MaskedNames)
{
    public string InWords => Standing switch
    {
        CertificateStanding.Valid => "valid",
        CertificateStanding.ReplacedByReissue => "replaced by a reissue",
        _ => $"ended: {EndedHow}",
    };
}

/// <summary>
/// Anyone shown a certificate checks it with the number and the printed code. A wrong code and an unknown number get the
/// very same answer (not found), so the answer tells nothing about which numbers exist.
/// </summary>
public sealed class CertificateVerifier(IMarriageArchive archive, CertificateCodes codes, OfficeClock clock)
{
    public const string NotFoundAnswer = "the number with this code";

    public async Task<CertificateCheck> VerifyAsync(string certificateNumber, string? code, CancellationToken cancellationToken)
    {
        var matches = codes.Matches(certificateNumber, code);
        var record = await archive.GetByCertificateAsync(certificateNumber, cancellationToken);
        var certificate = record?.Certificates.FirstOrDefault(c => c.Number == certificateNumber && c.IssuedHere);
        // One answer for every miss, the number not echoed: an unknown number and a wrong code read the same.
        if (!matches || record is null || certificate is null) throw new NotFound("certificate", NotFoundAnswer);

        var names = record.Parties.Select(p => Masking.MaskName(p.Name)).ToList();
        var (standing, date) = certificate.Status switch
        {
            CertificateStatus.Replaced => (CertificateStanding.ReplacedByReissue,
                clock.DateOf(record.Certificates.FirstOrDefault(c => c.Replaces == certificate.Number)?.IssuedAt ?? certificate.IssuedAt)),
            CertificateStatus.SupersededByDivorce or CertificateStatus.MarriageEnded => (CertificateStanding.MarriageHasEnded, EndedOn(record)),
            _ => (CertificateStanding.Valid, clock.DateOf(certificate.IssuedAt)),
        };
        return new CertificateCheck(certificate.Number, certificate.Kind, standing, date,
            standing == CertificateStanding.MarriageHasEnded ? record.StatusInWords : null, names);
    }

    /// <summary>The date the marriage ended; for a divorce of an earlier release (no ending kept), its divorce certificate's date.</summary>
    private DateOnly EndedOn(MarriageRecord record) =>
        record.Ending?.EffectiveOn
        ?? clock.DateOf(record.Certificates.LastOrDefault(c => c.Kind == CertificateKind.Divorce)?.IssuedAt ?? record.History[^1].At);
}
