using CivilAffairs.ServiceDefaults.Storage;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

/// <summary>How instants, dates and lists are written in the SQLite columns (ISO-8601 text, JSON arrays).</summary>
internal static class SqliteValues
{
    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadInstant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? ReadOptionalInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.ReadInstant(ordinal);

    public static string Date(DateOnly date) => Dates.Format(date);

    public static DateOnly ReadDate(this SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), Dates.DateFormat, CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> items) => JsonSerializer.Serialize(items);

    public static IReadOnlyList<string> ReadList(this SqliteDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<List<string>>(reader.GetString(ordinal)) ?? [];

    /// <summary>Which unique column a constraint failure names, e.g. <c>staff_members.badge_number</c>.</summary>
    public static bool IsUniqueViolationOf(this SqliteException error, string tableAndColumn) =>
        error.IsUniqueViolation() && error.Message.Contains(tableAndColumn, StringComparison.Ordinal);
}
