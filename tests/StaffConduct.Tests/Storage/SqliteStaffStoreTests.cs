using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using CivilAffairs.StaffConduct.Storage.Sqlite;
using CivilAffairs.TestSupport;

namespace CivilAffairs.StaffConduct.Tests.Storage;

/// <summary>The contract on the embedded store: always runs.</summary>
public sealed class SqliteStaffStoreTests : StaffStoreContract, IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteDatabase _database;

    public SqliteStaffStoreTests()
    {
        _database = new SqliteDatabase(_directory.File("staff.db"));
        Directory = new SqliteStaffDirectory(_database);
        Commitments = new SqliteCommitmentBook(_database);
        Duty = new SqliteDutyLog(_database);
        Designations = new SqliteDesignationRegister(_database);
        Code = new SqliteConductCode(_database);
        Inspections = new SqliteInspectionLog(_database);
        Contests = new SqliteContestBook(_database);
        Cases = new SqliteCaseLedger(_database);
        Ratings = new SqliteRatingLedger(_database);
        Catalogue = new SqliteServiceCatalogue(_database);
        Times = new SqliteServiceTimeLedger(_database);
    }

    protected override IStaffDirectory Directory { get; }
    protected override ICommitmentBook Commitments { get; }
    protected override IDutyLog Duty { get; }
    protected override IDesignationRegister Designations { get; }
    protected override IConductCode Code { get; }
    protected override IInspectionLog Inspections { get; }
    protected override IContestBook Contests { get; }
    protected override ICaseLedger Cases { get; }
    protected override IRatingLedger Ratings { get; }
    protected override IServiceCatalogue Catalogue { get; }
    protected override IServiceTimeLedger Times { get; }

    public Task InitializeAsync() => new SqliteSchema(_database).InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }
}
