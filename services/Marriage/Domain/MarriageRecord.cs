namespace CivilAffairs.Marriage.Domain;

/// <summary>Dissolved is a divorce (by agreement or by a court): the name an earlier release stored, kept so its records read.</summary>
public enum MarriageStatus { Married = 1, Dissolved = 2, Widowed = 3, Invalid = 4, Annulled = 5 }

public enum CertificateKind { Marriage = 1, Divorce = 2 }

public enum CertificateStatus { Valid = 1, Replaced = 2, SupersededByDivorce = 3, MarriageEnded = 4 }

/// <summary>A certificate issued from the archive. A reissue (补领) gets a new number; the old one is marked replaced.
/// <paramref name="IssuedBy"/> names another office when the certificate was entered from that office's paper, not issued here.</summary>
public sealed record Certificate(string Number, CertificateKind Kind, CertificateStatus Status, DateTimeOffset IssuedAt, string? Replaces,
    string? IssuedBy = null)
{
    public bool IssuedHere => IssuedBy is null;
}

/// <summary>One line of a record's history: who did what, when, at which office and window, and why.</summary>
public sealed record ArchiveEntry(DateTimeOffset At, string Action, string By, string OfficeId, int WindowNumber, string Reason);

public static class ArchiveActions
{
    public const string Registered = "REGISTERED";
    public const string Reissued = "REISSUED";
    public const string DivorceAccepted = "DIVORCE_ACCEPTED";
    public const string DivorceWithdrawn = "DIVORCE_WITHDRAWN";
    public const string DivorceDeemedWithdrawn = "DIVORCE_DEEMED_WITHDRAWN";
    public const string Divorced = "DIVORCED";
    public const string Corrected = "CORRECTED";
    public const string DeathRecorded = "DEATH_RECORDED";
    public const string CourtDivorceRecorded = "COURT_DIVORCE_RECORDED";
    public const string NullityRecorded = "NULLITY_RECORDED";
    public const string EnteredFromElsewhere = "ENTERED_FROM_ANOTHER_OFFICE";
}

public enum IllnessDisclosure { NoSeriousIllness = 1, DisclosedToTheOtherParty = 2 }

/// <summary>The declarations both parties sign at registration (婚姻登记声明书). The disclosure of a serious illness to the
/// other party (Civil Code 1053) is recorded, not judged: null where a party declared nothing (and in earlier records).</summary>
public sealed record Declarations(bool NeitherHasASpouse, bool NotCloseRelatives, bool Voluntary,
    IllnessDisclosure? FirstPartyIllness = null, IllnessDisclosure? SecondPartyIllness = null);

/// <summary>A marriage registered at another office, entered from its certificate by a clerk here (for a divorce).</summary>
public sealed record RegisteredElsewhere(string CertificateNumber, DateOnly RegisteredOn, string IssuingOffice);

/// <summary>A registered marriage as the archive keeps it: never deleted, every change appended to its history.</summary>
public sealed record MarriageRecord(
    string MarriageId,
    string OfficeId,
    DateOnly RegisteredOn,
    Party FirstParty,
    Party SecondParty,
    Declarations Declarations,
    MarriageStatus Status,
    IReadOnlyList<Certificate> Certificates,
    IReadOnlyList<ArchiveEntry> History,
    int Version,
    MarriageEnding? Ending = null,
    RegisteredElsewhere? Elsewhere = null,
    string? MaritalStatusChecked = null)
{
    public bool Stands => Status == MarriageStatus.Married;

    /// <summary>The status as the archive says it in words.</summary>
    public string StatusInWords => Words(Status);

    public static string Words(MarriageStatus status) => status switch
    {
        MarriageStatus.Married => "married",
        MarriageStatus.Dissolved => "divorced",
        MarriageStatus.Widowed => "widowed",
        MarriageStatus.Invalid => "invalid",
        MarriageStatus.Annulled => "annulled",
        _ => "unknown",
    };

    public Certificate? CurrentMarriageCertificate =>
        Certificates.LastOrDefault(c => c.Kind == CertificateKind.Marriage && c.Status == CertificateStatus.Valid);

    public IEnumerable<Party> Parties => [FirstParty, SecondParty];

    public bool HasParty(string idNumber) => FirstParty.IdNumber.Value == idNumber || SecondParty.IdNumber.Value == idNumber;

    public bool IsCouple(string firstIdNumber, string secondIdNumber) =>
        firstIdNumber != secondIdNumber && HasParty(firstIdNumber) && HasParty(secondIdNumber);

    public MarriageRecord Appending(ArchiveEntry entry) => this with { History = [.. History, entry] };
}
