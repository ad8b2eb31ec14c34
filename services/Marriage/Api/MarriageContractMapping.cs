using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Marriage.Api;

/// <summary>Domain to contract. Parties leave the service masked: a full ID number or phone number never goes out.</summary>
internal static class MarriageContractMapping
{
    public static V1.CalendarDay ToContract(this Domain.CalendarDay day)
    {
        var contract = new V1.CalendarDay { OfficeId = day.OfficeId, Date = Dates.Format(day.Date), AppointmentOnly = day.AppointmentOnly };
        contract.Slots.AddRange(day.Slots.Select(s => new V1.Slot
        {
            SlotId = s.SlotId, StartTime = Dates.Format(s.Start), EndTime = Dates.Format(s.End),
            Capacity = s.Capacity, Booked = s.Booked, Remaining = s.Remaining,
        }));
        return contract;
    }

    public static V1.Appointment ToContract(this Domain.Appointment a) => new()
    {
        AppointmentId = a.AppointmentId,
        OfficeId = a.OfficeId,
        Date = Dates.Format(a.Date),
        SlotId = a.SlotId,
        StartTime = Dates.Format(a.Start),
        EndTime = Dates.Format(a.End),
        FirstParty = ContractMapping.ToMaskedPerson(a.FirstParty.Name, a.FirstParty.IdNumber),
        SecondParty = ContractMapping.ToMaskedPerson(a.SecondParty.Name, a.SecondParty.IdNumber),
        Status = a.Status switch
        {
            AppointmentStatus.Booked => V1.AppointmentStatus.Booked,
            AppointmentStatus.Cancelled => V1.AppointmentStatus.Cancelled,
            _ => V1.AppointmentStatus.Unspecified,
        },
        BookedAt = a.BookedAt.ToTimestamp(),
        CancelledAt = a.CancelledAt.ToTimestamp(),
        Window = Window.MarriageRegistration.ToContract(),
    };
}
