using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Api;

/// <summary>Domain to contract. People leave the service masked: a full ID number or phone number never goes out.</summary>
internal static class MarriageContractMapping
{
    public static V1.CalendarDay ToContract(this Domain.CalendarDay day, DateTimeOffset bookingOpensAt)
    {
        var contract = new V1.CalendarDay
        {
            OfficeId = day.OfficeId, Date = Dates.Format(day.Date), AppointmentOnly = day.AppointmentOnly, Windows = day.Windows,
            Closed = day.Closed, BookingOpensAt = bookingOpensAt.ToTimestamp(),
        };
        contract.Slots.AddRange(day.Slots.Select(ToContract));
        return contract;
    }

    public static V1.Slot ToContract(this Domain.Slot s) => new()
    {
        SlotId = s.SlotId, StartTime = Dates.Format(s.Start), EndTime = Dates.Format(s.End),
        Capacity = s.Capacity, Booked = s.Booked, Remaining = s.Remaining,
    };

    public static V1.Office ToContract(this OfficeSettings o, OfficeClock clock) => new()
    {
        OfficeId = o.OfficeId, Name = o.Name, BookingHorizonDays = o.BookingHorizonDays, BookingOpensAt = Dates.Format(o.BookingOpensAt),
        Windows = o.Windows, WalkInsAllowed = o.WalkInsAllowed, TimeZone = clock.Zone.Id,
    };

    public static V1.Appointment ToContract(this Domain.Appointment a)
    {
        var contract = new V1.Appointment
        {
            AppointmentId = a.AppointmentId,
            OfficeId = a.OfficeId,
            Date = Dates.Format(a.Date),
            SlotId = a.SlotId,
            StartTime = Dates.Format(a.Start),
            EndTime = Dates.Format(a.End),
            FirstParty = Masked(a.FirstParty),
            SecondParty = Masked(a.SecondParty),
            Status = (V1.AppointmentStatus)(int)a.Status,
            BookedAt = a.BookedAt.ToTimestamp(),
            CancelledAt = a.CancelledAt.ToTimestamp(),
            Window = Window.MarriageRegistration.ToContract(),
        };
        contract.History.AddRange(a.Events);
        return contract;
    }

    public static V1.Ticket ToContract(this QueueTicket t, int waitingAhead) => new()
    {
        TicketId = t.TicketId, OfficeId = t.OfficeId, Date = Dates.Format(t.Date), Number = t.Number,
        Kind = (V1.TicketKind)(int)t.Kind, Status = (V1.TicketStatus)(int)t.Status, AppointmentId = t.AppointmentId ?? "",
        WindowNumber = t.WindowNumber ?? 0, CheckedInAt = t.CheckedInAt.ToTimestamp(), CalledAt = t.CalledAt.ToTimestamp(),
        CompletedAt = t.CompletedAt.ToTimestamp(), FirstParty = Masked(t.FirstParty), SecondParty = Masked(t.SecondParty),
        WaitingAhead = waitingAhead,
    };

    public static V1.HallBoard ToContract(this Domain.HallBoard board)
    {
        var contract = new V1.HallBoard
        {
            OfficeId = board.OfficeId, Date = Dates.Format(board.Date), Waiting = board.Waiting, AppointmentOnly = board.AppointmentOnly,
        };
        contract.Called.AddRange(board.Called.Select(c => new V1.WindowCall { WindowNumber = c.Window, TicketNumber = c.Number, CalledAt = c.CalledAt.ToTimestamp() }));
        contract.NextTickets.AddRange(board.Next);
        contract.Slots.AddRange(board.Slots.Select(ToContract));
        return contract;
    }

    public static V1.DailyStatistics ToContract(this Domain.DailyStatistics s)
    {
        var contract = new V1.DailyStatistics
        {
            OfficeId = s.OfficeId, Date = Dates.Format(s.Date), Appointments = s.Appointments, CheckIns = s.CheckIns, WalkIns = s.WalkIns,
            Registrations = s.Registrations, Divorces = s.Divorces, DivorceApplications = s.DivorceApplications, Reissues = s.Reissues,
            NoShows = s.NoShows, MedianWaitMinutes = s.MedianWaitMinutes, P90WaitMinutes = s.P90WaitMinutes,
        };
        contract.ServedPerWindow.AddRange(s.ServedPerWindow.Select(w => new V1.WindowServed { WindowNumber = w.Key, Served = w.Value }));
        return contract;
    }

    public static V1.MarriageRecord ToContract(this Domain.MarriageRecord r)
    {
        var contract = new V1.MarriageRecord
        {
            MarriageId = r.MarriageId, OfficeId = r.OfficeId, RegisteredOn = Dates.Format(r.RegisteredOn),
            FirstParty = Masked(r.FirstParty), SecondParty = Masked(r.SecondParty),
            Status = (V1.MarriageStatus)(int)r.Status,
            CurrentCertificateNumber = r.CurrentMarriageCertificate?.Number ?? "",
            Window = Window.MarriageRegistration.ToContract(),
        };
        contract.Certificates.AddRange(r.Certificates.Select(c => new V1.Certificate
        {
            Number = c.Number, Kind = (V1.CertificateKind)(int)c.Kind, Status = (V1.CertificateStatus)(int)c.Status,
            IssuedAt = c.IssuedAt.ToTimestamp(), Replaces = c.Replaces ?? "",
        }));
        contract.History.AddRange(r.History.Select(ToContract));
        return contract;
    }

    public static V1.DivorceApplication ToContract(this Domain.DivorceApplication d, DateOnly today)
    {
        var status = d.State switch
        {
            DivorceState.Withdrawn => V1.DivorceStatus.Withdrawn,
            DivorceState.DeemedWithdrawn => V1.DivorceStatus.DeemedWithdrawn,
            DivorceState.Divorced => V1.DivorceStatus.Divorced,
            _ => CoolingOffPeriod.PhaseOn(d.AcceptedOn, today) switch
            {
                DivorcePhase.CoolingOff => V1.DivorceStatus.CoolingOff,
                DivorcePhase.AwaitingRegistration => V1.DivorceStatus.AwaitingRegistration,
                _ => V1.DivorceStatus.DeemedWithdrawn,
            },
        };
        var contract = new V1.DivorceApplication
        {
            ApplicationId = d.ApplicationId, MarriageId = d.MarriageId, OfficeId = d.OfficeId, AcceptedOn = Dates.Format(d.AcceptedOn),
            ReceiptNumber = d.ReceiptNumber, Status = status, Day = CoolingOffPeriod.DayOf(d.AcceptedOn, d.ClosedOn ?? today),
            WithdrawalDeadline = Dates.Format(CoolingOffPeriod.WithdrawalDeadline(d.AcceptedOn)),
            RegistrationOpensOn = Dates.Format(CoolingOffPeriod.RegistrationOpensOn(d.AcceptedOn)),
            RegistrationDeadline = Dates.Format(CoolingOffPeriod.RegistrationDeadline(d.AcceptedOn)),
            DivorceCertificateNumber = d.DivorceCertificateNumber ?? "",
        };
        contract.History.AddRange(d.History.Select(ToContract));
        return contract;
    }

    private static V1.ArchiveEntry ToContract(Domain.ArchiveEntry e) => new()
    {
        At = e.At.ToTimestamp(), Action = e.Action, By = e.By, OfficeId = e.OfficeId, WindowNumber = e.WindowNumber, Reason = e.Reason,
    };

    private static Common.V1.MaskedPerson Masked(Domain.Party party) => ContractMapping.ToMaskedPerson(party.Name, party.IdNumber);
}
