using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

/// <summary>Reading aggregates kept as JSON documents in a table's <c>doc</c> column.</summary>
internal static class SqliteDocuments
{
    /// <summary>The documents whose <c>status</c> is one of the codes, in the order given by <paramref name="orderBy"/>.</summary>
    public static Task<IReadOnlyList<T>> ListByStatusAsync<T>(SqliteDatabase database, string table, string orderBy, IEnumerable<string> statusCodes) =>
        database.ReadAsync<IReadOnlyList<T>>(async connection =>
        {
            // Table and order are constants of the adapters; the codes are bound as parameters.
            var parameters = statusCodes.Select((code, i) => ($"$s{i}", (object?)code)).ToArray();
            return await connection.QueryAsync(
                $"SELECT doc FROM {table} WHERE status IN ({string.Join(", ", parameters.Select(p => p.Item1))}) ORDER BY {orderBy}",
                r => DocumentJson.Deserialize<T>(r.GetString(0)), null, parameters);
        });
}
