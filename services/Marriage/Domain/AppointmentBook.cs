using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>Books, shows and cancels couples' appointments by the office's rules.</summary>
public sealed class AppointmentBook(IMarriageCalendarStore calendar, IAppointmentStore appointments, OfficeClock clock)
{
    public async Task<(Appointment Appointment, bool Replayed)> BookAsync(string officeId, string slotId, Party first, Party second,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (first.IdNumber.Equals(second.IdNumber))
            throw new ValidationFailed("second_party.id_number", "must be a different person from first_party");
        var slot = await calendar.GetSlotAsync(slotId, cancellationToken) ?? throw new NotFound("slot", slotId);
        if (slot.OfficeId != officeId)
            throw new ValidationFailed("slot_id", $"belongs to office {slot.OfficeId}, not {officeId}");
        if (slot.Date < clock.Today)
            throw new RuleViolated("slot-in-the-past", $"the slot of {Dates.Format(slot.Date)} has passed");
        if (first.IdNumber.Sex == second.IdNumber.Sex)
            throw new RuleViolated("man-and-woman", "marriage registration is for a man and a woman (Civil Code Art. 1049)");
        foreach (var (party, field) in new[] { (first, "first_party"), (second, "second_party") })
        {
            if (!LegalMarriageAge.IsReachedOn(party.IdNumber, slot.Date))
                throw new RuleViolated("under-legal-age",
                    $"{field} is under the legal marriage age ({LegalMarriageAge.For(party.IdNumber.Sex)}) on {Dates.Format(slot.Date)}");
        }

        var appointment = new Appointment(
            NewId(), officeId, slot.Date, slot.SlotId, slot.Start, slot.End, first, second,
            AppointmentStatus.Booked, clock.Now, null, null);
        var stamp = IdempotencyStamp.For(idempotencyKey, officeId, slotId,
            first.Name, first.IdNumber.Value, first.Phone, second.Name, second.IdNumber.Value, second.Phone);

        return await appointments.BookAsync(appointment, stamp, cancellationToken) switch
        {
            BookingOutcome.Booked booked => (booked.Appointment, false),
            BookingOutcome.Replayed replayed => (replayed.Appointment, true),
            BookingOutcome.SlotFull => throw new RuleViolated("slot-full",
                $"the slot {Dates.Format(slot.Start)}-{Dates.Format(slot.End)} on {Dates.Format(slot.Date)} is full; choose another slot"),
            BookingOutcome.PartyAlreadyBooked already => throw new AlreadyExists("appointment",
                $"{(already.PartyNumber == 1 ? "first_party" : "second_party")} already has an active appointment on {Dates.Format(slot.Date)}"),
            BookingOutcome.KeyReusedForAnotherRequest => throw new ValidationFailed("idempotency_key",
                "was already used for a different booking; use a new key for a new request"),
            var other => throw new InvalidOperationException($"unexpected booking outcome {other}"),
        };
    }

    public async Task<Appointment> GetAsync(string appointmentId, CancellationToken cancellationToken) =>
        await appointments.GetAsync(appointmentId, cancellationToken) ?? throw new NotFound("appointment", appointmentId);

    public async Task<Appointment> CancelAsync(string appointmentId, string? reason, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(appointmentId, cancellationToken);
        if (existing.Date < clock.Today)
            throw new RuleViolated("appointment-in-the-past", $"the appointment of {Dates.Format(existing.Date)} has passed and cannot be cancelled");
        return await appointments.CancelAsync(appointmentId, clock.Now, reason, cancellationToken) switch
        {
            CancellationOutcome.Cancelled cancelled => cancelled.Appointment,
            CancellationOutcome.AlreadyCancelled => throw new RuleViolated("already-cancelled", "the appointment is already cancelled"),
            _ => throw new NotFound("appointment", appointmentId),
        };
    }

    private string NewId() => "apt_" + Guid.CreateVersion7(clock.Now).ToString("N");
}
