using System.Globalization;

namespace CivilAffairs.ServiceDefaults.Documents;

/// <summary>
/// The values an indexed field may hold, as both engines store and compare them: text, whole numbers, real numbers.
/// Dates and times become fixed-width text, so their order as text is their order in time; enums are stored by name
/// (a renumbered enum keeps its stored values); booleans are 0 and 1.
/// </summary>
public static class FieldValue
{
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? 1L : 0L,
        long l => l,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        double d => d,
        float f => (double)f,
        decimal m => (double)m,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset t => Instant(t),
        DateTime t => Instant(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t)),
        Enum e => e.ToString(),
        _ => throw new ArgumentException($"an indexed field cannot hold a {value.GetType().Name}; use text, a number, a date or an enum"),
    };

    /// <summary>A moment as UTC text with seven decimals: sorts as the moments do.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
