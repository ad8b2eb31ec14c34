using System.Globalization;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

/// <summary>How domain values are written to and read from SQLite columns: instants as ISO-8601 UTC text (which
/// sorts as time does), office days as YYYY-MM-DD.</summary>
internal static class SqliteValues
{
    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? instant) => instant is { } value ? Instant(value) : null;

    public static DateTimeOffset ReadInstant(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? ReadNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.ReadInstant(ordinal);

    public static string Day(DateOnly day) => Dates.Format(day);

    public static string? Day(DateOnly? day) => day is { } value ? Dates.Format(value) : null;

    public static DateOnly ReadDay(this SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), Dates.DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ReadNullableDay(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.ReadDay(ordinal);

    /// <summary>The column and value that select a window's or a staff member's rows (ratings and cases name them alike).</summary>
    public static (string Column, object Value) ScopeColumn(Domain.RatingScope scope) => scope switch
    {
        Domain.RatingScope.OfWindow w => ("window", (int)w.Window),
        Domain.RatingScope.OfStaff s => ("staff_id", s.StaffId),
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>Runs an insert; a unique violation becomes a clash on <paramref name="idempotencyKeyColumn"/> or on
    /// the natural key, told apart by SQLite's message naming the column.</summary>
    public static async Task<Domain.AddOutcome> InsertAsync(this SqliteConnection connection, SqliteTransaction transaction,
        string sql, string idempotencyKeyColumn, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await connection.ExecuteAsync(sql, transaction, parameters);
            return Domain.AddOutcome.Added;
        }
        catch (SqliteException error) when (error.IsUniqueViolation())
        {
            return error.Message.Contains("." + idempotencyKeyColumn, StringComparison.Ordinal)
                ? Domain.AddOutcome.DuplicateIdempotencyKey
                : Domain.AddOutcome.Duplicate;
        }
    }
}
