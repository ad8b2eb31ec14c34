using MongoDB.Bson.Serialization.Attributes;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>The shapes stored in MongoDB. Dates are "YYYY-MM-DD" strings so ranges sort and compare as text.</summary>
internal sealed class CalendarDayDocument
{
    [BsonId] public string Id { get; set; } = "";
    [BsonElement("officeId")] public string OfficeId { get; set; } = "";
    [BsonElement("date")] public string Date { get; set; } = "";
    [BsonElement("appointmentOnly")] public bool AppointmentOnly { get; set; }
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

internal sealed class PartyDocument
{
    [BsonElement("name")] public string Name { get; set; } = "";
    [BsonElement("idNumber")] public string IdNumber { get; set; } = "";
    [BsonElement("phone")] public string Phone { get; set; } = "";
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

    /// <summary>The two ID numbers while the appointment is active; a unique index on (date, activePersons) keeps one
    /// active appointment per person per day. Removed on cancellation.</summary>
    [BsonElement("activePersons"), BsonIgnoreIfNull] public List<string>? ActivePersons { get; set; }
}

internal sealed class IdempotencyDocument
{
    [BsonId] public string Key { get; set; } = "";
    [BsonElement("fingerprint")] public string Fingerprint { get; set; } = "";
    [BsonElement("appointmentId")] public string AppointmentId { get; set; } = "";
}
