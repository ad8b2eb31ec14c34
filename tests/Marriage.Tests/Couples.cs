using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Marriage.Tests;

/// <summary>Couples of legal age with valid, distinct ID numbers, as a partner would send them.</summary>
internal static class Couples
{
    private static int _phone;

    public static (Party Man, Party Woman) Next()
    {
        var man = new Party { Name = "张三明", IdNumber = IdNumbers.Make(new DateOnly(1994, 5, 20), Sex.Male), Phone = Phone() };
        var woman = new Party { Name = "李秀英", IdNumber = IdNumbers.Make(new DateOnly(1996, 8, 8), Sex.Female), Phone = Phone() };
        return (man, woman);
    }

    public static BookAppointmentRequest Booking(string officeId, string slotId, string? key = null)
    {
        var (man, woman) = Next();
        return new BookAppointmentRequest { OfficeId = officeId, SlotId = slotId, FirstParty = man, SecondParty = woman, IdempotencyKey = key ?? "" };
    }

    private static string Phone() => $"139{Interlocked.Increment(ref _phone) % 100_000_000:D8}";
}
