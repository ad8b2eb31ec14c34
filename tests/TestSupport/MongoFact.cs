using Xunit;

namespace CivilAffairs.TestSupport;

/// <summary>
/// A fact that needs a MongoDB server: it runs when <c>MONGODB_URI</c> is set (a single-node replica set, for
/// transactions) and is reported as not run, with that reason, when it is not.
/// </summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public const string NotRunReason = "MONGODB_URI is not set: this MongoDB contract test did not run (no server on this machine)";

    public MongoFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(MongoUri)) Skip = NotRunReason;
    }

    public static string? MongoUri => Environment.GetEnvironmentVariable("MONGODB_URI");

    /// <summary>A fresh database name per test class run, so suites never see each other's data.</summary>
    public static string FreshDatabaseName(string service) => $"test_{service}_{Guid.NewGuid():N}"[..40];
}
