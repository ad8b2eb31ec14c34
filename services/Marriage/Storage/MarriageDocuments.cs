using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Domain.Rules;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Storage;

/// <summary>An opened day without its slots: each slot is a document of its own, so bookings count places in place.</summary>
internal sealed record OpenedDay(string OfficeId, DateOnly Date, bool AppointmentOnly, int Windows, bool Closed)
{
    public static string IdOf(string officeId, DateOnly date) => $"{officeId}:{Dates.Format(date)}";
}

/// <summary>A person's active appointment, by ID number: one at a time. A hold whose date has passed no longer counts.</summary>
internal sealed record PersonHold(string IdNumber, string AppointmentId, DateOnly Date);

/// <summary>One entry of a record's history, for counting a day's archive work by action (office date of the entry).</summary>
internal sealed record ArchiveLine(string Id, string MarriageId, string OfficeId, DateOnly Date, string Action);

/// <summary>A number given from a series (certificates, receipts): kept, so the archive can show what was issued.</summary>
internal sealed record IssuedNumber(string Series, long Number);

/// <summary>How many numbers an earlier release gave from a series: the series continues after them.</summary>
internal sealed record SeriesStart(string Series, long Issued);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, Converters = [typeof(ResidentIdNumberJson)])]
[JsonSerializable(typeof(OfficeSettings))]
[JsonSerializable(typeof(OpenedDay))]
[JsonSerializable(typeof(Slot))]
[JsonSerializable(typeof(Appointment))]
[JsonSerializable(typeof(PersonHold))]
[JsonSerializable(typeof(QueueTicket))]
[JsonSerializable(typeof(MarriageRecord))]
[JsonSerializable(typeof(DivorceApplication))]
[JsonSerializable(typeof(ArchiveLine))]
[JsonSerializable(typeof(IssuedNumber))]
[JsonSerializable(typeof(SeriesStart))]
internal sealed partial class MarriageJson : JsonSerializerContext;

/// <summary>An ID number is stored whole (exact-match look-ups); only a valid one is read back.</summary>
internal sealed class ResidentIdNumberJson : JsonConverter<ResidentIdNumber>
{
    public override ResidentIdNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ResidentIdNumber.Parse(reader.GetString(), "stored id_number");

    public override void Write(Utf8JsonWriter writer, ResidentIdNumber value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>The marriage service's documents: every aggregate once, with the fields its queries and rules need.</summary>
internal static class MarriageDocuments
{
    public const string OneStandingMarriage = "one-standing-marriage-per-person";
    public const string OneTicketPerAppointment = "one-ticket-per-appointment";
    public const string OneTicketPerPerson = "one-ticket-per-person";

    /// <summary>A person's key in the hall on a day: the ID number with the date, so a day that has passed holds nobody.</summary>
    public static string PersonKey(DateOnly date, string idNumber) => $"{Dates.Format(date)}:{idNumber}";

    /// <summary>The aggregates' own state only: what they compute (a couple's parties, the places left) is left out.</summary>
    private static readonly JsonSerializerOptions StateOnly = new(MarriageJson.Default.Options)
    {
        TypeInfoResolver = MarriageJson.Default.WithAddedModifier(type =>
        {
            foreach (var computed in type.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList()) type.Properties.Remove(computed);
        }),
    };

    public static JsonTypeInfo<T> Json<T>() => (JsonTypeInfo<T>)StateOnly.GetTypeInfo(typeof(T));

    public static readonly DocumentCollection<OfficeSettings> Settings = new("offices", Json<OfficeSettings>(), o => o.OfficeId);

    public static readonly DocumentCollection<OpenedDay> Days =
        new DocumentCollection<OpenedDay>("days", Json<OpenedDay>(), d => OpenedDay.IdOf(d.OfficeId, d.Date))
            .Field("office", d => d.OfficeId).Field("date", d => d.Date).Field("closed", d => d.Closed)
            .Index("office", "date").Index("closed", "date");

    /// <summary>Both counts change in place: a booking takes a place only while <c>booked &lt; capacity</c>, and a
    /// peak-day increase of capacity never races the bookings.</summary>
    public static readonly DocumentCollection<Slot> Slots =
        new DocumentCollection<Slot>("slots", Json<Slot>(), s => s.SlotId)
            .Field("office", s => s.OfficeId).Field("date", s => s.Date).Field("start", s => s.Start)
            .Counter("capacity", s => s.Capacity).Counter("booked", s => s.Booked, ceiling: "capacity")
            .Index("office", "date");

    public static readonly DocumentCollection<Appointment> Appointments =
        new DocumentCollection<Appointment>("appointments", Json<Appointment>(), a => a.AppointmentId)
            .Field("office", a => a.OfficeId).Field("date", a => a.Date).Field("status", a => a.Status)
            .Index("office", "date", "status");

    /// <summary>Keyed by ID number, so a second concurrent booking of the same person is refused on the key itself.</summary>
    public static readonly DocumentCollection<PersonHold> Holds = new("holds", Json<PersonHold>(), h => h.IdNumber);

    public static readonly DocumentCollection<QueueTicket> Tickets =
        new DocumentCollection<QueueTicket>("tickets", Json<QueueTicket>(), t => t.TicketId, t => t.Version)
            .Field("office", t => t.OfficeId).Field("date", t => t.Date).Field("status", t => t.Status).Field("rank", t => t.Rank)
            .Field("queuedAt", t => t.QueuedAt).Field("number", t => t.Number).Field("window", t => t.WindowNumber)
            .Field("appointment", t => t.AppointmentId)
            .Many("persons", t => OneWaitingTicketPerPerson.Holds(t) ? [PersonKey(t.Date, t.FirstParty.IdNumber.Value), PersonKey(t.Date, t.SecondParty.IdNumber.Value)] : [])
            .Index("office", "date", "status", "rank", "queuedAt")
            .Unique(OneTicketPerAppointment, "appointment")
            .Unique(OneTicketPerPerson, "persons");

    /// <summary>The archive: found by either party's exact ID number and by any certificate ever issued; a person is in
    /// one standing marriage at a time (<c>spouses</c> holds the two ID numbers only while the marriage stands).</summary>
    public static readonly DocumentCollection<MarriageRecord> Marriages =
        new DocumentCollection<MarriageRecord>("marriages", Json<MarriageRecord>(), r => r.MarriageId, r => r.Version)
            .Field("registeredOn", r => r.RegisteredOn)
            .Many("parties", r => r.Parties.Select(p => p.IdNumber.Value))
            .Many("certificates", r => r.Certificates.Select(c => c.Number))
            .Many("spouses", r => r.Stands ? r.Parties.Select(p => p.IdNumber.Value) : [])
            .Unique(OneStandingMarriage, "spouses");

    /// <summary>One open application per marriage: <c>openFor</c> is the marriage while the application is open.</summary>
    public static readonly DocumentCollection<DivorceApplication> Divorces =
        new DocumentCollection<DivorceApplication>("divorces", Json<DivorceApplication>(), d => d.ApplicationId, d => d.Version)
            .Field("state", d => d.State).Field("openFor", d => d.State == DivorceState.Open ? d.MarriageId : null)
            .Unique("one-open-application-per-marriage", "openFor");

    public static readonly DocumentCollection<ArchiveLine> ArchiveLines =
        new DocumentCollection<ArchiveLine>("archive_lines", Json<ArchiveLine>(), l => l.Id)
            .Field("office", l => l.OfficeId).Field("date", l => l.Date).Field("action", l => l.Action)
            .Index("office", "date");

    public static readonly DocumentCollection<IssuedNumber> Numbers =
        new("numbers", Json<IssuedNumber>(), n => $"{n.Series}:{n.Number}");

    public static readonly DocumentCollection<SeriesStart> SeriesStarts = new("series_starts", Json<SeriesStart>(), s => s.Series);

    public static readonly IDocumentCollection[] All =
        [Settings, Days, Slots, Appointments, Holds, Tickets, Marriages, Divorces, ArchiveLines, Numbers, SeriesStarts];
}
