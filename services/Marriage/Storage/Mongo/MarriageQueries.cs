using CivilAffairs.Marriage.Storage.Documents;
using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>The filters, updates and indexes the Mongo adapters send, kept apart so tests can render them to BSON.</summary>
internal static class MarriageQueries
{
    private const int Booked = 1;
    private const int Waiting = 1;
    private const int OpenDivorce = 1;

    /// <summary>The slot, only while a place is left: the capacity check and the count happen in one update.</summary>
    public static FilterDefinition<SlotDocument> SlotWithPlaceLeft(string slotId) =>
        Builders<SlotDocument>.Filter.And(
            Builders<SlotDocument>.Filter.Eq(s => s.Id, slotId),
            Builders<SlotDocument>.Filter.Where(s => s.Booked < s.Capacity));

    public static UpdateDefinition<SlotDocument> TakePlace() => Builders<SlotDocument>.Update.Inc(s => s.Booked, 1);

    public static FilterDefinition<SlotDocument> SlotWithPlaceTaken(string slotId) =>
        Builders<SlotDocument>.Filter.And(
            Builders<SlotDocument>.Filter.Eq(s => s.Id, slotId),
            Builders<SlotDocument>.Filter.Gt(s => s.Booked, 0));

    public static UpdateDefinition<SlotDocument> GiveBackPlace() => Builders<SlotDocument>.Update.Inc(s => s.Booked, -1);

    public static FilterDefinition<SlotDocument> SlotsOfOffice(string officeId, string from, string to) =>
        Builders<SlotDocument>.Filter.And(
            Builders<SlotDocument>.Filter.Eq(s => s.OfficeId, officeId),
            Builders<SlotDocument>.Filter.Gte(s => s.Date, from),
            Builders<SlotDocument>.Filter.Lte(s => s.Date, to));

    public static FilterDefinition<CalendarDayDocument> DaysOfOffice(string officeId, string from, string to) =>
        Builders<CalendarDayDocument>.Filter.And(
            Builders<CalendarDayDocument>.Filter.Eq(d => d.OfficeId, officeId),
            Builders<CalendarDayDocument>.Filter.Gte(d => d.Date, from),
            Builders<CalendarDayDocument>.Filter.Lte(d => d.Date, to));

    /// <summary>Active appointments from <paramref name="today"/> on holding either person.</summary>
    public static FilterDefinition<AppointmentDocument> ActiveHolders(string today, string firstId, string secondId) =>
        Builders<AppointmentDocument>.Filter.And(
            Builders<AppointmentDocument>.Filter.Gte(a => a.Date, today),
            Builders<AppointmentDocument>.Filter.AnyIn(a => a.ActivePersons, [firstId, secondId]));

    /// <summary>Appointments of past days still holding these persons (their day not closed yet): they hold nobody now.</summary>
    public static FilterDefinition<AppointmentDocument> StaleHolders(string today, string firstId, string secondId) =>
        Builders<AppointmentDocument>.Filter.And(
            Builders<AppointmentDocument>.Filter.Lt(a => a.Date, today),
            Builders<AppointmentDocument>.Filter.AnyIn(a => a.ActivePersons, [firstId, secondId]));

    /// <summary>The appointment, only while still booked (not checked in): cancelling or moving twice changes nothing.</summary>
    public static FilterDefinition<AppointmentDocument> BookedAppointment(string appointmentId) =>
        Builders<AppointmentDocument>.Filter.And(
            Builders<AppointmentDocument>.Filter.Eq(a => a.Id, appointmentId),
            Builders<AppointmentDocument>.Filter.Eq(a => a.Status, Booked));

    public static FilterDefinition<AppointmentDocument> StillBookedOn(string officeId, string date) =>
        Builders<AppointmentDocument>.Filter.And(
            Builders<AppointmentDocument>.Filter.Eq(a => a.OfficeId, officeId),
            Builders<AppointmentDocument>.Filter.Eq(a => a.Date, date),
            Builders<AppointmentDocument>.Filter.Eq(a => a.Status, Booked));

    /// <summary>A person holds one active appointment at a time: unique over the persons of active appointments.</summary>
    public static CreateIndexModel<AppointmentDocument> OneActiveAppointmentPerPerson() => new(
        Builders<AppointmentDocument>.IndexKeys.Ascending(a => a.ActivePersons),
        new CreateIndexOptions<AppointmentDocument>
        {
            Name = "one_active_appointment_per_person",
            Unique = true,
            PartialFilterExpression = Builders<AppointmentDocument>.Filter.Exists(a => a.ActivePersons),
        });

    /// <summary>The first waiting ticket of the day in queue order: recalled, then booked, then walk-ins, by time.</summary>
    public static FilterDefinition<TicketDocument> WaitingOn(string officeId, string date) =>
        Builders<TicketDocument>.Filter.And(
            Builders<TicketDocument>.Filter.Eq(t => t.OfficeId, officeId),
            Builders<TicketDocument>.Filter.Eq(t => t.Date, date),
            Builders<TicketDocument>.Filter.Eq(t => t.Status, Waiting));

    public static SortDefinition<TicketDocument> QueueOrder() =>
        Builders<TicketDocument>.Sort.Ascending(t => t.Rank).Ascending(t => t.QueuedAt).Ascending(t => t.Number);

    public static FilterDefinition<TicketDocument> TicketAtVersion(string ticketId, int version) =>
        Builders<TicketDocument>.Filter.And(
            Builders<TicketDocument>.Filter.Eq(t => t.TicketId, ticketId),
            Builders<TicketDocument>.Filter.Eq(t => t.Version, version));

    public static CreateIndexModel<TicketDocument> QueueOrderIndex() => new(
        Builders<TicketDocument>.IndexKeys.Ascending(t => t.OfficeId).Ascending(t => t.Date).Ascending(t => t.Status)
            .Ascending(t => t.Rank).Ascending(t => t.QueuedAt));

    public static CreateIndexModel<TicketDocument> OneTicketPerAppointment() => new(
        Builders<TicketDocument>.IndexKeys.Ascending(t => t.AppointmentId),
        new CreateIndexOptions<TicketDocument>
        {
            Name = "one_ticket_per_appointment",
            Unique = true,
            PartialFilterExpression = Builders<TicketDocument>.Filter.Exists(t => t.AppointmentId),
        });

    public static FilterDefinition<MarriageRecordDocument> RecordAtVersion(string marriageId, int version) =>
        Builders<MarriageRecordDocument>.Filter.And(
            Builders<MarriageRecordDocument>.Filter.Eq(r => r.MarriageId, marriageId),
            Builders<MarriageRecordDocument>.Filter.Eq(r => r.Version, version));

    /// <summary>A person is a spouse in one standing marriage at a time.</summary>
    public static CreateIndexModel<MarriageRecordDocument> OneStandingMarriagePerPerson() => new(
        Builders<MarriageRecordDocument>.IndexKeys.Ascending(r => r.ActiveSpouses),
        new CreateIndexOptions<MarriageRecordDocument>
        {
            Name = "one_standing_marriage_per_person",
            Unique = true,
            PartialFilterExpression = Builders<MarriageRecordDocument>.Filter.Exists(r => r.ActiveSpouses),
        });

    public static FilterDefinition<DivorceDocument> DivorceAtVersion(string applicationId, int version) =>
        Builders<DivorceDocument>.Filter.And(
            Builders<DivorceDocument>.Filter.Eq(d => d.ApplicationId, applicationId),
            Builders<DivorceDocument>.Filter.Eq(d => d.Version, version));

    public static FilterDefinition<DivorceDocument> OpenDivorces() => Builders<DivorceDocument>.Filter.Eq(d => d.State, OpenDivorce);

    public static CreateIndexModel<DivorceDocument> OneOpenDivorcePerMarriage() => new(
        Builders<DivorceDocument>.IndexKeys.Ascending(d => d.OpenFor),
        new CreateIndexOptions<DivorceDocument>
        {
            Name = "one_open_divorce_per_marriage",
            Unique = true,
            PartialFilterExpression = Builders<DivorceDocument>.Filter.Exists(d => d.OpenFor),
        });
}
