using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.V1;
using Party = CivilAffairs.Marriage.Domain.Party;
using CivilAffairs.ServiceDefaults.Errors;
using CivilAffairs.SharedKernel;
using Grpc.Core;

namespace CivilAffairs.Marriage.Api;

/// <summary>The appointments API (gRPC, and REST/JSON through transcoding). Translation only: the rules live in Domain.</summary>
public sealed class MarriageAppointmentsApi(SlotCalendar calendar, AppointmentBook book) : MarriageAppointments.MarriageAppointmentsBase
{
    public override async Task<V1.CalendarDay> OpenDay(OpenDayRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = Try(validator, () => OfficeId.Parse(request.OfficeId));
        var date = Try(validator, () => Dates.ParseDate(request.Date, "date"));
        var slots = request.Slots.Select((s, i) => new SlotSpecification(
            Try(validator, () => Dates.ParseTime(s.StartTime, $"slots[{i}].start_time")),
            Try(validator, () => Dates.ParseTime(s.EndTime, $"slots[{i}].end_time")),
            s.Capacity)).ToList();
        validator.ThrowIfInvalid();
        var day = await calendar.OpenDayAsync(officeId, date, request.AppointmentOnly, slots, context.CancellationToken);
        return day.ToContract();
    }

    public override async Task<ListAvailabilityResponse> ListAvailability(ListAvailabilityRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = Try(validator, () => OfficeId.Parse(request.OfficeId));
        var from = Try(validator, () => Dates.ParseDate(request.FromDate, "from_date"));
        var to = Try(validator, () => Dates.ParseDate(request.ToDate, "to_date"));
        validator.ThrowIfInvalid();
        var days = await calendar.AvailabilityAsync(officeId, from, to, context.CancellationToken);
        var response = new ListAvailabilityResponse();
        response.Days.AddRange(days.Select(d => d.ToContract()));
        return response;
    }

    public override async Task<V1.Appointment> BookAppointment(BookAppointmentRequest request, ServerCallContext context)
    {
        var validator = new Validator();
        var officeId = Try(validator, () => OfficeId.Parse(request.OfficeId));
        validator.Require(!string.IsNullOrWhiteSpace(request.SlotId), "slot_id", "is required");
        var first = Party.Parse(request.FirstParty?.Name, request.FirstParty?.IdNumber, request.FirstParty?.Phone, "first_party", validator);
        var second = Party.Parse(request.SecondParty?.Name, request.SecondParty?.IdNumber, request.SecondParty?.Phone, "second_party", validator);
        var key = Try(validator, () => IdempotencyKey.From(context, request.IdempotencyKey));
        validator.ThrowIfInvalid();
        var (appointment, replayed) = await book.BookAsync(officeId, request.SlotId.Trim(), first, second, key, context.CancellationToken);
        if (replayed) await context.WriteResponseHeadersAsync(new Metadata { { "idempotent-replay", "true" } });
        return appointment.ToContract();
    }

    public override async Task<V1.Appointment> GetAppointment(GetAppointmentRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.AppointmentId)) throw new ValidationFailed("appointment_id", "is required");
        return (await book.GetAsync(request.AppointmentId.Trim(), context.CancellationToken)).ToContract();
    }

    public override async Task<V1.Appointment> CancelAppointment(CancelAppointmentRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.AppointmentId)) throw new ValidationFailed("appointment_id", "is required");
        if (request.Reason.Length > 500) throw new ValidationFailed("reason", "must be at most 500 characters");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        return (await book.CancelAsync(request.AppointmentId.Trim(), reason, context.CancellationToken)).ToContract();
    }

    /// <summary>Runs one field's parse, collecting its violation so the caller hears of every bad field at once.</summary>
    private static T Try<T>(Validator validator, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) validator.Add(violation.Field, violation.Description);
            return default!;
        }
    }
}
