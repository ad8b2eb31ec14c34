using CivilAffairs.Feedback.Domain;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>Domain values as the documents hold them: instants as UTC dates, office days as YYYY-MM-DD strings.</summary>
internal static class MongoValues
{
    public static DateTimeOffset Instant(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static string Day(DateOnly day) => Dates.Format(day);

    public static string? Day(DateOnly? day) => day is { } value ? Dates.Format(value) : null;

    public static DateOnly Day(string text) => Dates.ParseDate(text, "day");

    public static Idempotency? Idempotency(string? key, string? fingerprint) => key is null ? null : new Idempotency(key, fingerprint ?? "");
}
