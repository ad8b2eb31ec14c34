using System.Globalization;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Benchmarks;

/// <summary>A couple with valid, distinct resident ID numbers (GB 11643-1999): a man and a woman of legal age.</summary>
public sealed record Couple(string ManIdNumber, string WomanIdNumber)
{
    private static int _issued;

    /// <summary>A couple nobody in this run has used: every booking attempt is a different pair of people.</summary>
    public static Couple Next()
    {
        var n = Interlocked.Increment(ref _issued);
        // 499 couples per address code: sequence 001..997 odd for the man, the next even number for the woman.
        var address = (110101 + n / 499).ToString("D6", CultureInfo.InvariantCulture);
        var sequence = n % 499 * 2;
        return new Couple(Number($"{address}19900501{sequence + 1:D3}"), Number($"{address}19920601{sequence + 2:D3}"));
    }

    private static string Number(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17);
}

/// <summary>One booking attempt to make: who, which slot, under which idempotency key.</summary>
public sealed record BookingRequest(string OfficeId, string SlotId, Couple Couple, string IdempotencyKey);
