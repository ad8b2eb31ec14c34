using MongoDB.Driver;

namespace CivilAffairs.StaffConduct.Storage.Mongo;

internal static class MongoValues
{
    /// <summary>BSON dates come back as UTC DateTime (millisecond precision).</summary>
    public static DateTimeOffset Instant(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    /// <summary>A duplicate-key write error on the named unique index.</summary>
    public static bool IsDuplicateOn(this MongoWriteException error, string indexName) =>
        error.WriteError?.Category == ServerErrorCategory.DuplicateKey &&
        error.WriteError.Message.Contains(indexName, StringComparison.Ordinal);
}
