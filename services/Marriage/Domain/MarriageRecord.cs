namespace CivilAffairs.Marriage.Domain;

public enum MarriageStatus { Married = 1, Dissolved = 2 }

public enum CertificateKind { Marriage = 1, Divorce = 2 }

public enum CertificateStatus { Valid = 1, Replaced = 2, SupersededByDivorce = 3 }

/// <summary>A certificate issued from the archive. A reissue (补领) gets a new number; the old one is marked replaced.</summary>
public sealed record Certificate(string Number, CertificateKind Kind, CertificateStatus Status, DateTimeOffset IssuedAt, string? Replaces);

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
}

/// <summary>The declarations both parties sign at registration (婚姻登记声明书).</summary>
public sealed record Declarations(bool NeitherHasASpouse, bool NotCloseRelatives, bool Voluntary);

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
    int Version)
{
    public Certificate? CurrentMarriageCertificate =>
        Certificates.LastOrDefault(c => c.Kind == CertificateKind.Marriage && c.Status == CertificateStatus.Valid);

    public IEnumerable<Party> Parties => [FirstParty, SecondParty];

    public bool HasParty(string idNumber) => FirstParty.IdNumber.Value == idNumber || SecondParty.IdNumber.Value == idNumber;

    public bool IsCouple(string firstIdNumber, string secondIdNumber) =>
        firstIdNumber != secondIdNumber && HasParty(firstIdNumber) && HasParty(secondIdNumber);

    public MarriageRecord Appending(ArchiveEntry entry) => this with { History = [.. History, entry] };
}
