using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SocialAssistance.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

internal sealed class SqliteIdempotencyStore(SqliteDatabase database) : IIdempotencyStore
{
    public Task<IdempotencyRecord?> FindAsync(string scope, string key) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT scope, key, fingerprint, resource_id FROM idempotency_keys WHERE scope = $scope AND key = $key",
            r => new IdempotencyRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
            null, ("$scope", scope), ("$key", key)));

    /// <summary>Records the claim inside the caller's transaction; a key stored first by another request aborts it.</summary>
    public static async Task ClaimAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyClaim? claim, string resourceId)
    {
        if (claim is null) return;
        try
        {
            await connection.ExecuteAsync(
                "INSERT INTO idempotency_keys (scope, key, fingerprint, resource_id) VALUES ($scope, $key, $fingerprint, $resource)",
                transaction, ("$scope", claim.Scope), ("$key", claim.Key), ("$fingerprint", claim.Fingerprint), ("$resource", resourceId));
        }
        catch (SqliteException error) when (error.IsUniqueViolation())
        {
            throw new IdempotencyKeyTaken();
        }
    }
}
