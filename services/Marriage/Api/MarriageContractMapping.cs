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

    public static V1.MarriageRecord ToContract(this Domain.MarriageRecord r, CertificateCodes codes)
    {
        var contract = new V1.MarriageRecord
        {
            MarriageId = r.MarriageId, OfficeId = r.OfficeId, RegisteredOn = Dates.Format(r.RegisteredOn),
            FirstParty = Masked(r.FirstParty), SecondParty = Masked(r.SecondParty),
            Status = (V1.MarriageStatus)(int)r.Status, StatusInWords = r.StatusInWords,
            CurrentCertificateNumber = r.CurrentMarriageCertificate?.Number ?? "",
            Window = Window.MarriageRegistration.ToContract(),
            MaritalStatusChecked = r.MaritalStatusChecked ?? "",
        };
        contract.Certificates.AddRange(r.Certificates.Select(c => new V1.Certificate
        {
            Number = c.Number, Kind = (V1.CertificateKind)(int)c.Kind, Status = (V1.CertificateStatus)(int)c.Status,
            IssuedAt = c.IssuedAt.ToTimestamp(), Replaces = c.Replaces ?? "", IssuedBy = c.IssuedBy ?? "",
            VerificationCode = c.IssuedHere ? codes.CodeFor(c.Number) : "",
            VerificationLink = c.IssuedHere ? codes.LinkFor(c.Number) : "",
        }));
        contract.History.AddRange(r.History.Select(ToContract));
        if (r.Ending is { } e)
        {
            contract.Ending = new V1.MarriageEnding
            {
                Kind = (V1.EndingKind)(int)e.Kind, EffectiveOn = Dates.Format(e.EffectiveOn), RecordedBy = e.RecordedBy, RecordedAt = e.RecordedAt.ToTimestamp(),
                Court = e.Court ?? "", CaseNumber = e.CaseNumber ?? "", Ground = (V1.NullityGround)(int)(e.Ground ?? 0),
                DeathEvidence = (V1.DeathEvidence)(int)(e.DeathEvidence ?? 0), EvidenceNumber = e.EvidenceNumber ?? "",
                DivorceCertificateNumber = e.DivorceCertificateNumber ?? "",
            };
            if (e.DeceasedParty is { } deceased) contract.Ending.Deceased = Masked(deceased == 1 ? r.FirstParty : r.SecondParty);
        }
        if (r.Elsewhere is { } elsewhere)
            contract.RegisteredElsewhere = new V1.RegisteredElsewhere
            {
                CertificateNumber = elsewhere.CertificateNumber, RegisteredOn = Dates.Format(elsewhere.RegisteredOn), IssuingOffice = elsewhere.IssuingOffice,
            };
        return contract;
    }

    public static V1.CertificateVerification ToContract(this CertificateCheck check)
    {
        var contract = new V1.CertificateVerification
        {
            CertificateNumber = check.Number, Kind = (V1.CertificateKind)(int)check.Kind, Standing = (V1.CertificateStanding)(int)check.Standing,
            StandingInWords = check.InWords, Date = Dates.Format(check.Date), EndedHow = check.EndedHow ?? "",
        };
        contract.Names.AddRange(check.MaskedNames);
        return contract;
    }

    public static V1.DivorceApplication ToContract(this Domain.DivorceApplication d, DateOnly today, DivorceTimeline timeline)
    {
        var status = d.State switch
        {
            DivorceState.Withdrawn => V1.DivorceStatus.Withdrawn,
            DivorceState.DeemedWithdrawn => V1.DivorceStatus.DeemedWithdrawn,
            DivorceState.Divorced => V1.DivorceStatus.Divorced,
            _ => timeline.PhaseOn(today) switch
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
            WithdrawalDeadline = Dates.Format(timeline.WithdrawalDeadline),
            RegistrationOpensOn = Dates.Format(timeline.RegistrationOpensOn),
            RegistrationDeadline = Dates.Format(timeline.RegistrationDeadline),
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
