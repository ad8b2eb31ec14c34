using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Domain;

/// <summary>Books, shows, moves and cancels couples' appointments by the office's rules.</summary>
public sealed class AppointmentBook(IMarriageCalendarStore calendar, IAppointmentStore appointments, Offices offices, OfficeClock clock)
{
    public async Task<Appointment> BookAsync(string officeId, string slotId, Party first, Party second, CancellationToken cancellationToken)
    {
        if (first.IdNumber.Equals(second.IdNumber))
            throw new ValidationFailed("second_party.id_number", "must be a different person from first_party");
        var slot = await BookableSlotAsync(officeId, slotId, "slot_id", cancellationToken);
        CoupleMayMarryOn(first, second, slot.Date);

        var appointment = new Appointment(
            NewId(), officeId, slot.Date, slot.SlotId, slot.Start, slot.End, first, second,
            AppointmentStatus.Booked, clock.Now, null, null, []).Noting(clock.Now, $"booked {slot.SlotId}");
        return await appointments.BookAsync(appointment, clock.Today, cancellationToken) switch
        {
            BookingOutcome.Booked booked => booked.Appointment,
            BookingOutcome.SlotFull => throw SlotFull(slot),
            BookingOutcome.PartyAlreadyBooked already => throw new AlreadyExists("appointment", Describe(already)),
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
            CancellationOutcome.NotActive notActive => throw NotChangeable(notActive.Appointment, "cancelled"),
            _ => throw new NotFound("appointment", appointmentId),
        };
    }

    public async Task<Appointment> RescheduleAsync(string appointmentId, string newSlotId, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(appointmentId, cancellationToken);
        if (existing.Status != AppointmentStatus.Booked) throw NotChangeable(existing, "moved");
        if (existing.Date < clock.Today)
            throw new RuleViolated("appointment-in-the-past", $"the appointment of {Dates.Format(existing.Date)} has passed");
        if (existing.SlotId == newSlotId) throw new ValidationFailed("new_slot_id", "is the appointment's current slot");
        var slot = await BookableSlotAsync(existing.OfficeId, newSlotId, "new_slot_id", cancellationToken);
        CoupleMayMarryOn(existing.FirstParty, existing.SecondParty, slot.Date);
        return await appointments.RescheduleAsync(appointmentId, slot, clock.Now, cancellationToken) switch
        {
            RescheduleOutcome.Moved moved => moved.Appointment,
            RescheduleOutcome.SlotFull => throw SlotFull(slot),
            RescheduleOutcome.NotActive notActive => throw NotChangeable(notActive.Appointment, "moved"),
            _ => throw new NotFound("appointment", appointmentId),
        };
    }

    /// <summary>A slot that exists, belongs to the office, has not passed, and whose booking has opened.</summary>
    private async Task<Slot> BookableSlotAsync(string officeId, string slotId, string field, CancellationToken cancellationToken)
    {
        var slot = await calendar.GetSlotAsync(slotId, cancellationToken) ?? throw new NotFound("slot", slotId);
        if (slot.OfficeId != officeId) throw new ValidationFailed(field, $"belongs to office {slot.OfficeId}, not {officeId}");
        if (slot.Date < clock.Today || (slot.Date == clock.Today && clock.At(slot.Date, slot.End) <= clock.Now))
            throw new RuleViolated("slot-in-the-past", $"the slot {Dates.Format(slot.Start)}-{Dates.Format(slot.End)} of {Dates.Format(slot.Date)} has passed");
        var office = await offices.GetAsync(officeId, cancellationToken);
        var opensAt = office.BookingOpensFor(slot.Date, clock);
        if (clock.Now < opensAt)
            throw new RuleViolated("booking-not-open", $"booking for {Dates.Format(slot.Date)} opens at {clock.Describe(opensAt)}");
        return slot;
    }

    /// <summary>Checked at booking so a couple does not come in vain; checked again at registration.</summary>
    private static void CoupleMayMarryOn(Party first, Party second, DateOnly date)
    {
        if (first.IdNumber.Sex == second.IdNumber.Sex)
            throw new RuleViolated("man-and-woman", "marriage registration is for a man and a woman (Civil Code Art. 1049)");
        foreach (var (party, field) in new[] { (first, "first_party"), (second, "second_party") })
        {
            if (!LegalMarriageAge.IsReachedOn(party.IdNumber, date))
                throw new RuleViolated("under-legal-age",
                    $"{field} is under the legal marriage age ({LegalMarriageAge.For(party.IdNumber.Sex)}) on {Dates.Format(date)}");
        }
    }

    private static RuleViolated SlotFull(Slot slot) => new("slot-full",
        $"the slot {Dates.Format(slot.Start)}-{Dates.Format(slot.End)} on {Dates.Format(slot.Date)} is full; choose another slot");

    private static RuleViolated NotChangeable(Appointment appointment, string verb) => new("appointment-not-active",
        $"the appointment is {appointment.Status.ToString().ToLowerInvariant()} and cannot be {verb}");

    private static string Describe(BookingOutcome.PartyAlreadyBooked already)
    {
        var who = already.PartyNumber == 1 ? "first_party" : "second_party";
        return already.SamePartner
            ? $"this couple already has an active appointment on {Dates.Format(already.Date)}; reschedule or cancel it instead"
            : $"{who} already has an active appointment on {Dates.Format(already.Date)} with another partner";
    }

    private string NewId() => "apt_" + Guid.CreateVersion7(clock.Now).ToString("N");
}
