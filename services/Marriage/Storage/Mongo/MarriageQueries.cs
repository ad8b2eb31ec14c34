using MongoDB.Driver;

namespace CivilAffairs.Marriage.Storage.Mongo;

/// <summary>The filters and updates the Mongo adapter sends, kept apart so tests can render them to BSON.</summary>
internal static class MarriageQueries
{
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

    /// <summary>Active appointments that day holding either person.</summary>
    public static FilterDefinition<AppointmentDocument> ActiveHoldersOn(string date, string firstId, string secondId) =>
        Builders<AppointmentDocument>.Filter.And(
            Builders<AppointmentDocument>.Filter.Eq(a => a.Date, date),
            Builders<AppointmentDocument>.Filter.AnyIn(a => a.ActivePersons, [firstId, secondId]));

    /// <summary>The appointment, only while still active: cancelling twice changes nothing.</summary>
    public static FilterDefinition<AppointmentDocument> ActiveAppointment(string appointmentId) =>
        Builders<AppointmentDocument>.Filter.And(
            Builders<AppointmentDocument>.Filter.Eq(a => a.Id, appointmentId),
            Builders<AppointmentDocument>.Filter.Eq(a => a.Status, 1));

    public static UpdateDefinition<AppointmentDocument> Cancel(DateTime at, string? reason) =>
        Builders<AppointmentDocument>.Update
            .Set(a => a.Status, 2)
            .Set(a => a.CancelledAt, at)
            .Set(a => a.CancelReason, reason)
            .Unset(a => a.ActivePersons);

    public static CreateIndexModel<AppointmentDocument> OneActiveAppointmentPerPersonPerDay() => new(
        Builders<AppointmentDocument>.IndexKeys.Ascending(a => a.Date).Ascending(a => a.ActivePersons),
        new CreateIndexOptions<AppointmentDocument>
        {
            Name = "one_active_appointment_per_person_per_day",
            Unique = true,
            PartialFilterExpression = Builders<AppointmentDocument>.Filter.Exists(a => a.ActivePersons),
        });
}
