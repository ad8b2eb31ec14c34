using CivilAffairs.Marriage.V1;
using CivilAffairs.SharedKernel;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Platform.Tests.BreakingThings;

/// <summary>A couple of legal age with valid, distinct ID numbers.</summary>
internal static class Couple
{
    private static int _phone;

    public static (Party Man, Party Woman) Next() =>
        (new Party { Name = "周建国", IdNumber = IdNumbers.Make(new DateOnly(1993, 4, 4), Sex.Male), Phone = Phone() },
         new Party { Name = "吴丽华", IdNumber = IdNumbers.Make(new DateOnly(1995, 6, 6), Sex.Female), Phone = Phone() });

    private static string Phone() => $"136{Interlocked.Increment(ref _phone) % 100_000_000:D8}";
}
