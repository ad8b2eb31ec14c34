using CivilAffairs.Marriage.Storage.Documents;
using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Marriage.Storage.Mongo;

// Shapes only MongoDB stores (SQLite keeps these as columns). Dates are "YYYY-MM-DD" strings so ranges sort as text.

internal sealed class CalendarDayDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("appointmentOnly")] public bool AppointmentOnly { get; set; }
    [BsonElement("windows")] public int Windows { get; set; }
    [BsonElement("closed")] public bool Closed { get; set; }
}

internal sealed class SlotDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("start")] public string Start { get; set; } = "";
    [BsonElement("end")] public string End { get; set; } = "";
    [BsonElement("capacity")] public int Capacity { get; set; }
    [BsonElement("booked")] public int Booked { get; set; }
}

internal sealed class AppointmentDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("slotId")] public string SlotId { get; set; } = "";
    [BsonElement("start")] public string Start { get; set; } = "";
    [BsonElement("end")] public string End { get; set; } = "";
    [BsonElement("first")] public PartyDocument First { get; set; } = new();
    [BsonElement("second")] public PartyDocument Second { get; set; } = new();
    [BsonElement("status")] public int Status { get; set; }
    [BsonElement("bookedAt")] public DateTime BookedAt { get; set; }
    [BsonElement("cancelledAt"), BsonIgnoreIfNull] public DateTime? CancelledAt { get; set; }
    [BsonElement("cancelReason"), BsonIgnoreIfNull] public string? CancelReason { get; set; }
    [BsonElement("history")] public List<string> History { get; set; } = [];

    /// <summary>The two ID numbers while the appointment is active; a unique index keeps a person in one active
    /// appointment at a time. Removed when the appointment is cancelled, served or missed.</summary>
    [BsonElement("activePersons"), BsonIgnoreIfNull] public List<string>? ActivePersons { get; set; }
}

internal sealed class IdempotencyDocument
{
    [BsonId] public string Key { get; set; } = "";
    [BsonElement("fingerprint")] public string Fingerprint { get; set; } = "";
    [BsonElement("appointmentId")] public string AppointmentId { get; set; } = "";
}

internal sealed class CounterDocument
{
    [BsonId] public string Series { get; set; } = "";
    [BsonElement("value")] public long Value { get; set; }
}

internal sealed class ArchiveEntryRow
{
    [BsonId] public MongoDB.Bson.ObjectId Id { get; set; }
    [BsonElement("marriageId")] public string MarriageId { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("action")] public string Action { get; set; } = "";
    [BsonElement("at")] public DateTime At { get; set; }
}
