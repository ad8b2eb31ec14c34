using System.Globalization;
using System.Text.Json;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.SharedKernel;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Marriage.Storage.Documents;

// The shapes both adapters store: MongoDB keeps them as documents, SQLite as JSON text beside indexed columns.
// Dates are "YYYY-MM-DD" and times "HH:mm" strings, instants UTC; ID numbers are stored whole (exact-match look-ups).

internal sealed class PartyDocument
{
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("idNumber")] public string IdNumber { get; set; } = "";
    [BsonElement("phone")] public string Phone { get; set; } = "";
}

internal sealed class OfficeDocument
{
    [BsonId] public string OfficeId { get; set; } = "";
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("bookingHorizonDays")] public int BookingHorizonDays { get; set; }
    [BsonElement("bookingOpensAt")] public string BookingOpensAt { get; set; } = "";
    [BsonElement("windows")] public int Windows { get; set; }
    [BsonElement("walkInsAllowed")] public bool WalkInsAllowed { get; set; }
}

internal sealed class TicketDocument
{
    [BsonId] public string TicketId { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("number")] public string Number { get; set; } = "";
    [BsonElement("kind")] public int Kind { get; set; }
    [BsonElement("appointmentId"), BsonIgnoreIfNull] public string? AppointmentId { get; set; }
    [BsonElement("first")] public PartyDocument First { get; set; } = new();
    [BsonElement("second")] public PartyDocument Second { get; set; } = new();
    [BsonElement("status")] public int Status { get; set; }
    [BsonElement("rank")] public int Rank { get; set; }
    [BsonElement("queuedAt")] public DateTime QueuedAt { get; set; }
    [BsonElement("checkedInAt")] public DateTime CheckedInAt { get; set; }
    [BsonElement("calledAt")] public DateTime? CalledAt { get; set; }
    [BsonElement("window")] public int? WindowNumber { get; set; }
    [BsonElement("completedAt")] public DateTime? CompletedAt { get; set; }
    [BsonElement("version")] public int Version { get; set; }
}

internal sealed class CertificateDocument
{
    [BsonElement("number")] public string Number { get; set; } = "";
    [BsonElement("kind")] public int Kind { get; set; }
    [BsonElement("status")] public int Status { get; set; }
    [BsonElement("issuedAt")] public DateTime IssuedAt { get; set; }
    [BsonElement("replaces"), BsonIgnoreIfNull] public string? Replaces { get; set; }
}

internal sealed class ArchiveEntryDocument
{
    [BsonElement("at")] public DateTime At { get; set; }
    [BsonElement("action")] public string Action { get; set; } = "";
    [BsonElement("by")] public string By { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("window")] public int WindowNumber { get; set; }
    [BsonElement("reason")] public string Reason { get; set; } = "";
}

internal sealed class MarriageRecordDocument
{
    [BsonId] public string MarriageId { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("registeredOn")] public string RegisteredOn { get; set; } = "";
    [BsonElement("first")] public PartyDocument First { get; set; } = new();
    [BsonElement("second")] public PartyDocument Second { get; set; } = new();
    [BsonElement("declarations")] public bool[] Declarations { get; set; } = [];
    [BsonElement("status")] public int Status { get; set; }
    [BsonElement("certificates")] public List<CertificateDocument> Certificates { get; set; } = [];
    [BsonElement("certificateNumbers")] public List<string> CertificateNumbers { get; set; } = [];
    [BsonElement("partyIdNumbers")] public List<string> PartyIdNumbers { get; set; } = [];

    /// <summary>The two ID numbers while the marriage stands; a unique index keeps a person in one marriage at a time.</summary>
    [BsonElement("activeSpouses"), BsonIgnoreIfNull] public List<string>? ActiveSpouses { get; set; }
    [BsonElement("history")] public List<ArchiveEntryDocument> History { get; set; } = [];
    [BsonElement("version")] public int Version { get; set; }
}

internal sealed class DivorceDocument
{
    [BsonId] public string ApplicationId { get; set; } = "";
    [BsonElement("marriageId")] public string MarriageId { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("acceptedOn")] public string AcceptedOn { get; set; } = "";
    [BsonElement("receiptNumber")] public string ReceiptNumber { get; set; } = "";
    [BsonElement("children")] public string Children { get; set; } = "";
    [BsonElement("property")] public string Property { get; set; } = "";
    [BsonElement("debts")] public string Debts { get; set; } = "";
    [BsonElement("state")] public int State { get; set; }
    [BsonElement("closedOn"), BsonIgnoreIfNull] public string? ClosedOn { get; set; }
    [BsonElement("certificateNumber"), BsonIgnoreIfNull] public string? CertificateNumber { get; set; }
    [BsonElement("history")] public List<ArchiveEntryDocument> History { get; set; } = [];
    [BsonElement("version")] public int Version { get; set; }

    /// <summary>Set while the application is open: a unique index allows one open application per marriage.</summary>
    [BsonElement("openFor"), BsonIgnoreIfNull] public string? OpenFor { get; set; }
}

/// <summary>Domain to document and back, once for both adapters.</summary>
internal static class MarriageDocumentMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson<T>(T document) => JsonSerializer.Serialize(document, Json);
    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    public static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;
    public static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    public static DateOnly Date(string text) => DateOnly.ParseExact(text, Dates.DateFormat, CultureInfo.InvariantCulture);
    public static TimeOnly Time(string text) => TimeOnly.ParseExact(text, Dates.TimeFormat, CultureInfo.InvariantCulture);

    public static PartyDocument ToDocument(this Party p) => new() { Name = p.Name, IdNumber = p.IdNumber.Value, Phone = p.Phone };
    public static Party ToDomain(this PartyDocument p) => new(p.Name, ResidentIdNumber.Parse(p.IdNumber, "stored id_number"), p.Phone);

    public static OfficeDocument ToDocument(this OfficeSettings o) => new()
    {
        OfficeId = o.OfficeId, Name = o.Name, BookingHorizonDays = o.BookingHorizonDays, BookingOpensAt = Dates.Format(o.BookingOpensAt),
        Windows = o.Windows, WalkInsAllowed = o.WalkInsAllowed,
    };

    public static OfficeSettings ToDomain(this OfficeDocument o) =>
        new(o.OfficeId, o.Name, o.BookingHorizonDays, Time(o.BookingOpensAt), o.Windows, o.WalkInsAllowed);

    public static TicketDocument ToDocument(this QueueTicket t) => new()
    {
        TicketId = t.TicketId, OfficeId = t.OfficeId, Date = Dates.Format(t.Date), Number = t.Number, Kind = (int)t.Kind,
        AppointmentId = t.AppointmentId, First = t.FirstParty.ToDocument(), Second = t.SecondParty.ToDocument(), Status = (int)t.Status,
        Rank = t.Rank, QueuedAt = Utc(t.QueuedAt), CheckedInAt = Utc(t.CheckedInAt), CalledAt = t.CalledAt?.UtcDateTime,
        WindowNumber = t.WindowNumber, CompletedAt = t.CompletedAt?.UtcDateTime, Version = t.Version,
    };

    public static QueueTicket ToDomain(this TicketDocument t) => new(
        t.TicketId, t.OfficeId, Date(t.Date), t.Number, (TicketKind)t.Kind, t.AppointmentId, t.First.ToDomain(), t.Second.ToDomain(),
        (TicketStatus)t.Status, t.Rank, Instant(t.QueuedAt), Instant(t.CheckedInAt), t.CalledAt is { } c ? Instant(c) : null,
        t.WindowNumber, t.CompletedAt is { } d ? Instant(d) : null, t.Version);

    public static ArchiveEntryDocument ToDocument(this ArchiveEntry e) => new()
    {
        At = Utc(e.At), Action = e.Action, By = e.By, OfficeId = e.OfficeId, WindowNumber = e.WindowNumber, Reason = e.Reason,
    };

    public static ArchiveEntry ToDomain(this ArchiveEntryDocument e) => new(Instant(e.At), e.Action, e.By, e.OfficeId, e.WindowNumber, e.Reason);

    public static MarriageRecordDocument ToDocument(this MarriageRecord r) => new()
    {
        MarriageId = r.MarriageId, OfficeId = r.OfficeId, RegisteredOn = Dates.Format(r.RegisteredOn),
        First = r.FirstParty.ToDocument(), Second = r.SecondParty.ToDocument(),
        Declarations = [r.Declarations.NeitherHasASpouse, r.Declarations.NotCloseRelatives, r.Declarations.Voluntary],
        Status = (int)r.Status,
        Certificates = r.Certificates.Select(c => new CertificateDocument
        {
            Number = c.Number, Kind = (int)c.Kind, Status = (int)c.Status, IssuedAt = Utc(c.IssuedAt), Replaces = c.Replaces,
        }).ToList(),
        CertificateNumbers = r.Certificates.Select(c => c.Number).ToList(),
        PartyIdNumbers = [r.FirstParty.IdNumber.Value, r.SecondParty.IdNumber.Value],
        ActiveSpouses = r.Status == MarriageStatus.Married ? [r.FirstParty.IdNumber.Value, r.SecondParty.IdNumber.Value] : null,
        History = r.History.Select(e => e.ToDocument()).ToList(),
        Version = r.Version,
    };

    public static MarriageRecord ToDomain(this MarriageRecordDocument r) => new(
        r.MarriageId, r.OfficeId, Date(r.RegisteredOn), r.First.ToDomain(), r.Second.ToDomain(),
        new Declarations(r.Declarations.ElementAtOrDefault(0), r.Declarations.ElementAtOrDefault(1), r.Declarations.ElementAtOrDefault(2)),
        (MarriageStatus)r.Status,
        r.Certificates.Select(c => new Certificate(c.Number, (CertificateKind)c.Kind, (CertificateStatus)c.Status, Instant(c.IssuedAt), c.Replaces)).ToList(),
        r.History.Select(e => e.ToDomain()).ToList(),
        r.Version);

    public static DivorceDocument ToDocument(this DivorceApplication d) => new()
    {
        ApplicationId = d.ApplicationId, MarriageId = d.MarriageId, OfficeId = d.OfficeId, AcceptedOn = Dates.Format(d.AcceptedOn),
        ReceiptNumber = d.ReceiptNumber, Children = d.Agreement.Children, Property = d.Agreement.Property, Debts = d.Agreement.Debts,
        State = (int)d.State, ClosedOn = d.ClosedOn is { } c ? Dates.Format(c) : null, CertificateNumber = d.DivorceCertificateNumber,
        History = d.History.Select(e => e.ToDocument()).ToList(), Version = d.Version,
        OpenFor = d.State == DivorceState.Open ? d.MarriageId : null,
    };

    public static DivorceApplication ToDomain(this DivorceDocument d) => new(
        d.ApplicationId, d.MarriageId, d.OfficeId, Date(d.AcceptedOn), d.ReceiptNumber, new DivorceAgreement(d.Children, d.Property, d.Debts),
        (DivorceState)d.State, d.ClosedOn is { } c ? Date(c) : null, d.CertificateNumber, d.History.Select(e => e.ToDomain()).ToList(), d.Version);
}
