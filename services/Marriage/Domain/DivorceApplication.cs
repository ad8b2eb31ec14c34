namespace CivilAffairs.Marriage.Domain;

public enum DivorceState { Open = 1, Withdrawn = 2, DeemedWithdrawn = 3, Divorced = 4 }

/// <summary>The written agreement a divorce by agreement needs: children, property, debts (协议书).</summary>
public sealed record DivorceAgreement(string Children, string Property, string Debts);

/// <summary>A divorce application accepted on <see cref="AcceptedOn"/> (day 0), moving through the cooling-off period.</summary>
public sealed record DivorceApplication(
    string ApplicationId,
    string MarriageId,
    string OfficeId,
    DateOnly AcceptedOn,
    string ReceiptNumber,
    DivorceAgreement Agreement,
    DivorceState State,
    DateOnly? ClosedOn,
    string? DivorceCertificateNumber,
    IReadOnlyList<ArchiveEntry> History,
    int Version)
{
    public DivorceApplication Appending(ArchiveEntry entry) => this with { History = [.. History, entry] };
}
