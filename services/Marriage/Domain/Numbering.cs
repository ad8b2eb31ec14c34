using System.Globalization;

namespace CivilAffairs.Marriage.Domain;

/// <summary>
/// Numbers the office hands out: certificates (J = 结婚证, L = 离婚证), divorce receipts (R) and queue tickets.
/// A number names its series and a sequence the archive never gives twice, so it is unique.
/// </summary>
public static class Numbering
{
    public static string MarriageCertificateSeries(string officeId, int year) => $"J{year}-{officeId}";
    public static string DivorceCertificateSeries(string officeId, int year) => $"L{year}-{officeId}";
    public static string ReceiptSeries(string officeId, int year) => $"R{year}-{officeId}";

    public static string Format(string prefix, string series, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{series}-{sequence:D6}");

    public static string Ticket(string prefix, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{sequence:D3}");
}
