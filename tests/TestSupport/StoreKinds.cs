using Xunit;

namespace CivilAffairs.TestSupport;

/// <summary>
/// The stores a contract suite runs against: SQLite always, MongoDB too when <c>MONGODB_URI</c> is set. Use as
/// <c>[Theory, MemberData(nameof(StoreKinds.Available), MemberType = typeof(StoreKinds))]</c>; pair the suite with a
/// <see cref="MongoFactAttribute"/> test so a run without MongoDB says plainly that those cases did not run.
/// </summary>
public static class StoreKinds
{
    public const string Sqlite = "sqlite";
    public const string Mongo = "mongo";

    public static TheoryData<string> Available()
    {
        var kinds = new TheoryData<string> { Sqlite };
        if (!string.IsNullOrWhiteSpace(MongoFactAttribute.MongoUri)) kinds.Add(Mongo);
        return kinds;
    }
}
