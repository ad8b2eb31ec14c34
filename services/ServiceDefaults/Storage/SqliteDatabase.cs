using Microsoft.Data.Sqlite;

namespace CivilAffairs.ServiceDefaults.Storage;

/// <summary>
/// A service's embedded store: one SQLite file in WAL mode. Reads run concurrently on pooled connections; writes go
/// one at a time through a single long-lived connection in an IMMEDIATE transaction, so a conditional update
/// (<c>booked &lt; capacity</c>) and the rows written with it commit or vanish together. One process owns the file.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _synchronous;
    private SqliteConnection? _writer;

    public string Path { get; }

    public SqliteDatabase(string path, string synchronous = "NORMAL")
    {
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _synchronous = synchronous.ToUpperInvariant() switch
        {
            "FULL" => "FULL",
            "EXTRA" => "EXTRA",
            _ => "NORMAL",
        };
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Runs a read on its own pooled connection; it sees the last committed state.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return await read(connection);
    }

    /// <summary>Runs <paramref name="write"/> in one transaction: all of it commits, or (on any exception) none of it.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = await WriterAsync();
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> write, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async (c, t) => { await write(c, t); return true; }, cancellationToken);

    /// <summary>Creates tables and indexes (idempotent DDL) at start-up.</summary>
    public Task MigrateAsync(string ddl) => WriteAsync(async (connection, transaction) =>
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ddl;
        await command.ExecuteNonQueryAsync();
    });

    /// <summary>
    /// Adds columns that a newer version of the service expects to a table an older version created (CREATE TABLE IF NOT
    /// EXISTS leaves an existing table as it was). Additive only: nothing is dropped or rewritten.
    /// </summary>
    public Task AddMissingColumnsAsync(string table, params (string Column, string Definition)[] columns) => WriteAsync(async (connection, transaction) =>
    {
        var existing = await connection.QueryAsync($"SELECT name FROM pragma_table_info('{table}')", r => r.GetString(0), transaction);
        foreach (var (column, definition) in columns.Where(c => !existing.Contains(c.Column, StringComparer.OrdinalIgnoreCase)))
            await connection.ExecuteAsync($"ALTER TABLE {table} ADD COLUMN {column} {definition}", transaction);
    });

    private async Task<SqliteConnection> WriterAsync()
    {
        if (_writer is not null) return _writer;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous}; PRAGMA foreign_keys=ON;";
            await pragma.ExecuteNonQueryAsync();
        }
        _writer = connection;
        return connection;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writeLock.Dispose();
    }
}

/// <summary>Small helpers that keep the adapters' ADO.NET code short.</summary>
public static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map,
        SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> map,
        SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var rows = await connection.QueryAsync(sql, map, transaction, parameters);
        return rows.Count == 0 ? default : rows[0];
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>SQLite error 19 (constraint) with a UNIQUE or PRIMARY KEY failure: a duplicate key.</summary>
    public static bool IsUniqueViolation(this SqliteException error) =>
        error.SqliteErrorCode == 19 && error.SqliteExtendedErrorCode is 2067 or 1555;
}
