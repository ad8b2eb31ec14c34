using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.ServiceDefaults.Metrics;
using Grpc.Core;
using Party = CivilAffairs.Marriage.Domain.Party;

namespace CivilAffairs.Marriage.Api;

/// <summary>Offices, calendars and appointments (gRPC, and REST/JSON through transcoding). Translation only.</summary>
public sealed class MarriageAppointmentsApi(SlotCalendar calendar, AppointmentBook book, Offices offices, OfficeClock clock, PlatformMetrics metrics)
    : MarriageAppointments.MarriageAppointmentsBase
{
    public override async Task<V1.CalendarDay> OpenDay(OpenDayRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var date = validator.Try(() => Dates.ParseDate(request.Date, "date"));
        var slots = Slots(validator, request.Slots, "slots");
        validator.ThrowIfInvalid();
        var day = await calendar.OpenDayAsync(officeId, date, request.AppointmentOnly, request.Windows, slots, context.CancellationToken);
        return await WithOpeningAsync(day, context.CancellationToken);
    }

    public override async Task<ListAvailabilityResponse> ListAvailability(ListAvailabilityRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var from = validator.Try(() => Dates.ParseDate(request.FromDate, "from_date"));
        var to = validator.Try(() => Dates.ParseDate(request.ToDate, "to_date"));
        validator.ThrowIfInvalid();
        var days = await calendar.AvailabilityAsync(officeId, from, to, context.CancellationToken);
        var office = await offices.GetAsync(officeId, context.CancellationToken);
        var response = new ListAvailabilityResponse();
        response.Days.AddRange(days.Select(d => d.ToContract(office.BookingOpensFor(d.Date, clock))));
        return response;
    }

    public override async Task<V1.Appointment> BookAppointment(BookAppointmentRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var slotId = validator.Required(request.SlotId, "slot_id");
        var first = Party.Parse(request.FirstParty?.Name, request.FirstParty?.IdNumber, request.FirstParty?.Phone, "first_party", validator, clock.Today);
        var second = Party.Parse(request.SecondParty?.Name, request.SecondParty?.IdNumber, request.SecondParty?.Phone, "second_party", validator, clock.Today);
        validator.ThrowIfInvalid();
        // A retry under the same idempotency key never gets here: the interceptor answers it with the first outcome.
        var appointment = await book.BookAsync(officeId, slotId, first, second, context.CancellationToken);
        metrics.AppointmentBooked(Window.MarriageRegistration);
        if (await calendar.GetSlotAsync(appointment.SlotId, context.CancellationToken) is { } slot)
            metrics.SlotFilled(Window.MarriageRegistration, slot.Booked, slot.Capacity);
        return appointment.ToContract();
    }

    public override async Task<V1.Appointment> GetAppointment(GetAppointmentRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.AppointmentId, "appointment_id");
        validator.ThrowIfInvalid();
        return (await book.GetAsync(id, context.CancellationToken)).ToContract();
    }

    public override async Task<V1.Appointment> CancelAppointment(CancelAppointmentRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.AppointmentId, "appointment_id");
        var reason = validator.Optional(request.Reason, "reason", 500);
        validator.ThrowIfInvalid();
        return (await book.CancelAsync(id, reason, context.CancellationToken)).ToContract();
    }

    public override async Task<V1.Appointment> RescheduleAppointment(RescheduleAppointmentRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var id = validator.Required(request.AppointmentId, "appointment_id");
        var slotId = validator.Required(request.NewSlotId, "new_slot_id");
        validator.ThrowIfInvalid();
        return (await book.RescheduleAsync(id, slotId, context.CancellationToken)).ToContract();
    }

    public override async Task<V1.Office> ConfigureOffice(ConfigureOfficeRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var opensAt = validator.Try(() => Dates.ParseTime(request.BookingOpensAt, "booking_opens_at"));
        validator.ThrowIfInvalid();
        var settings = OfficeSettings.Create(officeId, request.Name, request.BookingHorizonDays, opensAt, request.Windows, request.WalkInsAllowed);
        return (await offices.ConfigureAsync(settings, context.CancellationToken)).ToContract(clock);
    }

    public override async Task<V1.Office> GetOffice(GetOfficeRequest request, ServerCallContext context) =>
        (await offices.GetAsync(OfficeId.Parse(request.OfficeId), context.CancellationToken)).ToContract(clock);

    public override async Task<V1.CalendarDay> AdjustDay(AdjustDayRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var date = validator.Try(() => Dates.ParseDate(request.Date, "date"));
        var increases = request.CapacityChanges.Select((c, i) =>
            new CapacityIncrease(validator.Required(c.SlotId, $"capacity_changes[{i}].slot_id"), c.AdditionalCapacity)).ToList();
        var extra = Slots(validator, request.ExtraSlots, "extra_slots");
        validator.ThrowIfInvalid();
        var day = await calendar.AdjustDayAsync(officeId, date, increases, extra, request.Windows,
            request.HasAppointmentOnly ? request.AppointmentOnly : null, context.CancellationToken);
        return await WithOpeningAsync(day, context.CancellationToken);
    }

    public override async Task<CloseDayResponse> CloseDay(CloseDayRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = validator.Try(() => OfficeId.Parse(request.OfficeId));
        var date = validator.Try(() => Dates.ParseDate(request.Date, "date"));
        validator.ThrowIfInvalid();
        var noShows = await calendar.CloseDayAsync(officeId, date, context.CancellationToken);
        return new CloseDayResponse { OfficeId = officeId, Date = Dates.Format(date), NoShows = noShows };
    }

    private async Task<V1.CalendarDay> WithOpeningAsync(Domain.CalendarDay day, CancellationToken cancellationToken)
    {
        var office = await offices.GetAsync(day.OfficeId, cancellationToken);
        return day.ToContract(office.BookingOpensFor(day.Date, clock));
    }

    private static List<SlotSpecification> Slots(Validator validator, IEnumerable<SlotSpec> specs, string field) =>
        specs.Select((s, i) => new SlotSpecification(
            validator.Try(() => Dates.ParseTime(s.StartTime, $"{field}[{i}].start_time")),
            validator.Try(() => Dates.ParseTime(s.EndTime, $"{field}[{i}].end_time")),
            s.Capacity)).ToList();
}
