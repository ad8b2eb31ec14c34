using CivilAffairs.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

internal static class SqliteWrites
{
    /// <summary>
    /// Runs a write transaction; false (and nothing written) when it hit the unique idempotency-key column
    /// <paramref name="tableAndKeyColumn"/>, i.e. the same key was used first by another request.
    /// </summary>
    public static async Task<bool> WriteOnceAsync(this SqliteDatabase database, string tableAndKeyColumn,
        Func<SqliteConnection, SqliteTransaction, Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await database.WriteAsync(write, cancellationToken);
            return true;
        }
        catch (SqliteException error) when (error.IsUniqueViolationOf(tableAndKeyColumn))
        {
            return false;
        }
    }
}
