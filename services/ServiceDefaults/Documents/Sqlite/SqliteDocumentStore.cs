using System.Globalization;
using System.Text;
using CivilAffairs.ServiceDefaults.Outbox;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.ServiceDefaults.Documents.Sqlite;

/// <summary>
/// The embedded engine: one SQLite file per service in WAL mode. A collection is a table <c>doc_&lt;name&gt;</c> with
/// the JSON document, its version and one column per declared field (indexed as declared); a multi-valued field has a
/// side table of its values. Reads run on pooled connections; batches go one at a time through one writer connection,
/// each in one IMMEDIATE transaction. <c>synchronous=FULL</c> by default, so an acknowledged write survives a power loss.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore, IDisposable
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly OutboxSignal? _outboxSignal;
    private readonly SqliteWriter _writer;

    public string Path { get; }

    public SqliteDocumentStore(string path, string synchronous = "FULL", OutboxSignal? outboxSignal = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _synchronous = synchronous.Trim().ToUpperInvariant() switch
        {
            "NORMAL" => "NORMAL",
            "EXTRA" => "EXTRA",
            "FULL" => "FULL",
            var other => throw new ArgumentException($"Storage:Sqlite:Synchronous must be FULL, EXTRA or NORMAL, not '{other}'"),
        };
        _outboxSignal = outboxSignal;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30,
        }.ToString();
        _writer = new SqliteWriter(OpenWriterAsync);
    }

    internal SqliteWriter Writer => _writer;

    // ---- reads ---------------------------------------------------------------------------------------------------

    public Task<Stored<T>?> GetAsync<T>(DocumentCollection<T> collection, string id, CancellationToken cancellationToken = default) where T : class =>
        ReadAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, $"SELECT v, doc FROM {Table(collection)} WHERE id = $id", ("$id", id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new Stored<T>(collection.Deserialize(reader.GetString(1)), reader.GetInt64(0))
                : null;
        });

    public async Task<IReadOnlyList<Stored<T>>> GetManyAsync<T>(DocumentCollection<T> collection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default) where T : class
    {
        if (ids.Count == 0) return [];
        var parameters = ids.Distinct().Select((id, i) => ($"$i{i}", (object?)id)).ToArray();
        return await ReadAsync((connection, transaction) => ListAsync(collection, Command(connection, transaction,
            $"SELECT id, v, doc FROM {Table(collection)} WHERE id IN ({string.Join(", ", parameters.Select(p => p.Item1))})", parameters), cancellationToken));
    }

    public Task<IReadOnlyList<Stored<T>>> FindAsync<T>(DocumentCollection<T> collection, DocumentQuery query,
        CancellationToken cancellationToken = default) where T : class
    {
        query.Check(collection);
        var sql = new SqlText();
        sql.Append($"SELECT d.id, d.v, d.doc FROM {Table(collection)} d");
        Where(sql, collection, query);
        var order = query.Order.Select(o => $"d.{Column(o.Field)}{(o.Descending ? " DESC" : "")}").Append("d.id");
        sql.Append(" ORDER BY ").Append(string.Join(", ", order));
        if (query.Limit is not null || query.Skip > 0)
            sql.Append($" LIMIT {sql.Parameter((long)(query.Limit ?? -1))} OFFSET {sql.Parameter((long)query.Skip)}");
        return ReadAsync((connection, transaction) => ListAsync(collection, sql.Command(connection, transaction), cancellationToken));
    }

    public Task<long> CountAsync<T>(DocumentCollection<T> collection, DocumentQuery query, CancellationToken cancellationToken = default) where T : class
    {
        query.Check(collection);
        var sql = new SqlText();
        sql.Append($"SELECT COUNT(*) FROM {Table(collection)} d");
        Where(sql, collection, query);
        return ReadAsync(async (connection, transaction) =>
        {
            await using var command = sql.Command(connection, transaction);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        });
    }

    public Task<IReadOnlyList<FieldGroup>> GroupAsync<T>(DocumentCollection<T> collection, DocumentQuery query, IReadOnlyList<string> groupBy,
        string? sum = null, CancellationToken cancellationToken = default) where T : class
    {
        query.Check(collection);
        foreach (var field in groupBy.Append(sum).OfType<string>())
            if (collection.Field(field).Many) throw new ArgumentException($"cannot group or sum '{collection.Name}' by its multi-valued field '{field}'");
        var keys = groupBy.Select(f => "d." + Column(f)).ToList();
        var sql = new SqlText();
        sql.Append($"SELECT {string.Join("", keys.Select(k => k + ", "))}COUNT(*), {(sum is null ? "0" : $"TOTAL(d.{Column(sum)})")} FROM {Table(collection)} d");
        Where(sql, collection, query);
        if (keys.Count > 0) sql.Append(" GROUP BY ").Append(string.Join(", ", keys)).Append(" ORDER BY ").Append(string.Join(", ", keys));
        return ReadAsync<IReadOnlyList<FieldGroup>>(async (connection, transaction) =>
        {
            await using var command = sql.Command(connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var groups = new List<FieldGroup>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = Enumerable.Range(0, keys.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
                groups.Add(new FieldGroup(key, reader.GetInt64(keys.Count), reader.GetDouble(keys.Count + 1)));
            }
            return groups;
        });
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    public async Task<WriteConflict?> CommitAsync(WriteBatch batch, CancellationToken cancellationToken = default)
    {
        if (CallTransaction.Current(this) is { } call) return await call.ApplyAsync(batch, cancellationToken);
        return await CommitAloneAsync(batch, cancellationToken);
    }

    /// <summary>A batch of its own, acknowledged by the group commit that holds it.</summary>
    internal async Task<WriteConflict?> CommitAloneAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty) return null;
        var (conflict, committed) = await _writer.ApplyAsync((c, t) => ApplyAsync(c, t, batch), c => c is null, acknowledge: true, null,
            cancellationToken);
        if (conflict is not null)
        {
            if (conflict is WriteConflict.Stale or WriteConflict.DuplicateKey) await _writer.PendingCommittedAsync();
            return conflict;
        }
        await committed;
        Committed(batch);
        return null;
    }

    public Task<long> PurgeAsync<T>(DocumentCollection<T> collection, DocumentQuery query, CancellationToken cancellationToken = default) where T : class
    {
        query.Check(collection);
        var sql = new SqlText();
        sql.Append($"SELECT d.id FROM {Table(collection)} d");
        Where(sql, collection, query);
        var selection = sql.ToString();
        return WriteAloneAsync(async (connection, transaction) =>
        {
            foreach (var field in collection.Fields.Where(f => f.Many))
                await Execute(connection, transaction, $"DELETE FROM {SideTable(collection, field.Name)} WHERE id IN ({selection})", sql.Parameters);
            return (long)await Execute(connection, transaction, $"DELETE FROM {Table(collection)} WHERE id IN ({selection})", sql.Parameters);
        }, cancellationToken);
    }

    public CallTransaction BeginCall() => new SqliteCallTransaction(this);

    public async Task InitializeAsync(IReadOnlyList<IDocumentCollection> collections, CancellationToken cancellationToken = default)
    {
        await WriteAloneAsync(async (connection, transaction) =>
        {
            await Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS doc__sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS doc__imports (source TEXT PRIMARY KEY, rows INTEGER NOT NULL, imported_at TEXT NOT NULL);
                """);
            foreach (var collection in collections) await CreateAsync(connection, transaction, collection);
            return true;
        }, cancellationToken);
    }

    public async Task<int> ImportLegacyAsync(string source, Func<IReadOnlyList<LegacyRow>, WriteBatch> import, CancellationToken cancellationToken = default)
    {
        WriteBatch? batch = null;
        var imported = await WriteAloneAsync(async (connection, transaction) =>
        {
            var exists = await Scalar(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", source));
            var done = await Scalar(connection, transaction, "SELECT COUNT(*) FROM doc__imports WHERE source = $n", ("$n", source));
            if (exists == 0 || done > 0) return 0;
            var rows = new List<LegacyRow>();
            // Read whole before the import maps them (the same connection cannot read and write at once).
            await using (var command = Command(connection, transaction, $"SELECT * FROM {Quote(source)}"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var values = new Dictionary<string, object?>();
                    for (var i = 0; i < reader.FieldCount; i++) values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rows.Add(new LegacyRow(values));
                }
            }
            batch = import(rows);
            if (await ApplyAsync(connection, transaction, batch) is { } conflict)
                throw new InvalidDataException($"importing the earlier release's '{source}' was refused: {conflict}");
            // The earlier table stays as it was (records are never deleted); the marker makes the import run once.
            await Execute(connection, transaction, "INSERT INTO doc__imports (source, rows, imported_at) VALUES ($n, $r, $at)",
                ("$n", source), ("$r", (long)rows.Count), ("$at", FieldValue.Instant(DateTimeOffset.UtcNow)));
            return rows.Count;
        }, cancellationToken);
        if (batch is not null) Committed(batch);
        return imported;
    }

    // ---- the engine ----------------------------------------------------------------------------------------------

    private async Task CreateAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection)
    {
        var table = Table(collection);
        var scalar = collection.Fields.Where(f => !f.Many).ToList();
        await Execute(connection, transaction,
            $"CREATE TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL{string.Concat(scalar.Select(f => ", " + Column(f.Name)))})");
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var command = Command(connection, transaction, $"SELECT name FROM pragma_table_info('doc_{collection.Name}')"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) existing.Add(reader.GetString(0));
        var added = scalar.Where(f => !existing.Contains("f_" + f.Name)).ToList();
        foreach (var field in added) await Execute(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {Column(field.Name)}");
        var newSideTables = new List<FieldDefinition>();
        foreach (var field in collection.Fields.Where(f => f.Many))
        {
            var name = $"doc_{collection.Name}__{field.Name}";
            if (await Scalar(connection, transaction, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", name)) == 0)
                newSideTables.Add(field);
            await Execute(connection, transaction,
                $"CREATE TABLE IF NOT EXISTS {Quote(name)} (value NOT NULL, id TEXT NOT NULL, PRIMARY KEY (value, id)) WITHOUT ROWID; " +
                $"CREATE INDEX IF NOT EXISTS {Quote(name + ".id")} ON {Quote(name)} (id)");
        }
        if (added.Count > 0 || newSideTables.Count > 0) await BackfillAsync(connection, transaction, collection, added, newSideTables);
        foreach (var index in collection.Indexes)
        {
            var name = Quote($"doc_{collection.Name}.{index.Name}");
            var unique = index.Unique ? "UNIQUE " : "";
            if (index.Fields.Count == 1 && collection.Field(index.Fields[0]).Many)
            {
                if (index.Unique) await Execute(connection, transaction, $"CREATE UNIQUE INDEX IF NOT EXISTS {name} ON {SideTable(collection, index.Fields[0])} (value)");
                continue;
            }
            var partial = index.Unique ? " WHERE " + string.Join(" AND ", index.Fields.Select(f => Column(f) + " IS NOT NULL")) : "";
            await Execute(connection, transaction, $"CREATE {unique}INDEX IF NOT EXISTS {name} ON {table} ({string.Join(", ", index.Fields.Select(Column))}){partial}");
        }
    }

    /// <summary>Fills fields that a newer release declares from the documents already stored.</summary>
    private static async Task BackfillAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection,
        IReadOnlyList<FieldDefinition> columns, IReadOnlyList<FieldDefinition> sideTables)
    {
        var documents = new List<(string Id, string Json)>();
        await using (var command = Command(connection, transaction, $"SELECT id, doc FROM {Table(collection)}"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) documents.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (id, json) in documents)
        {
            var values = collection.ValuesOf(collection.DeserializeDocument(json));
            if (columns.Count > 0)
            {
                var set = columns.Select((f, i) => ($"$p{i}", values[f.Name].FirstOrDefault())).ToList();
                await Execute(connection, transaction,
                    $"UPDATE {Table(collection)} SET {string.Join(", ", columns.Select((f, i) => $"{Column(f.Name)} = $p{i}"))} WHERE id = $id",
                    [.. set, ("$id", id)]);
            }
            foreach (var field in sideTables) await InsertValuesAsync(connection, transaction, collection, field.Name, id, values[field.Name]);
        }
    }

    internal async Task<WriteConflict?> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, WriteBatch batch)
    {
        foreach (var operation in batch.Operations)
        {
            var collection = operation.Collection;
            try
            {
                switch (operation)
                {
                    case WriteOperation.Insert insert:
                        await InsertAsync(connection, transaction, collection, insert.Id, insert.Document, insert.Version);
                        break;
                    case WriteOperation.InsertNumbered numbered:
                        var number = await Scalar(connection, transaction,
                            "INSERT INTO doc__sequences (name, value) VALUES ($n, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
                            ("$n", numbered.Series));
                        var document = numbered.Build(number);
                        var documentId = collection.IdOfDocument(document);
                        await InsertAsync(connection, transaction, collection, documentId, document, collection.VersionOf(document) ?? 1);
                        break;
                    case WriteOperation.Replace replace:
                        if (!await ReplaceAsync(connection, transaction, collection, replace)) return new WriteConflict.Stale(collection.Name, replace.Id);
                        break;
                    case WriteOperation.Put put:
                        await PutAsync(connection, transaction, collection, put.Id, put.Document);
                        break;
                    case WriteOperation.Delete delete:
                        foreach (var field in collection.Fields.Where(f => f.Many))
                            await Execute(connection, transaction, $"DELETE FROM {SideTable(collection, field.Name)} WHERE id = $id", ("$id", delete.Id));
                        await Execute(connection, transaction, $"DELETE FROM {Table(collection)} WHERE id = $id", ("$id", delete.Id));
                        break;
                    case WriteOperation.Increment increment:
                        if (await IncrementAsync(connection, transaction, collection, increment) is { } refused) return refused;
                        break;
                    default:
                        throw new NotSupportedException(operation.GetType().Name);
                }
            }
            catch (SqliteException error) when (error.SqliteErrorCode == 19 && error.SqliteExtendedErrorCode is 2067 or 1555)
            {
                return new WriteConflict.DuplicateKey(collection.Name, operation.Id, RuleOf(collection, error.Message));
            }
        }
        return null;
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection,
        string id, object document, long version)
    {
        var values = collection.ValuesOf(document);
        var scalar = collection.Fields.Where(f => !f.Many).ToList();
        var parameters = new List<(string, object?)> { ("$id", id), ("$v", version), ("$doc", collection.Serialize(document)) };
        parameters.AddRange(scalar.Select((f, i) => ($"$p{i}", values[f.Name].FirstOrDefault())));
        await Execute(connection, transaction,
            $"INSERT INTO {Table(collection)} (id, v, doc{string.Concat(scalar.Select(f => ", " + Column(f.Name)))}) " +
            $"VALUES ($id, $v, $doc{string.Concat(scalar.Select((_, i) => $", $p{i}"))})", [.. parameters]);
        foreach (var field in collection.Fields.Where(f => f.Many))
            await InsertValuesAsync(connection, transaction, collection, field.Name, id, values[field.Name]);
    }

    private static async Task<bool> ReplaceAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection,
        WriteOperation.Replace replace)
    {
        var values = collection.ValuesOf(replace.Document);
        var scalar = collection.Fields.Where(f => !f.Many).ToList();
        var parameters = new List<(string, object?)>
        {
            ("$id", replace.Id), ("$v", replace.Version), ("$expected", replace.ExpectedVersion), ("$doc", collection.Serialize(replace.Document)),
        };
        parameters.AddRange(scalar.Select((f, i) => ($"$p{i}", values[f.Name].FirstOrDefault())));
        var changed = await Execute(connection, transaction,
            $"UPDATE {Table(collection)} SET v = $v, doc = $doc{string.Concat(scalar.Select((f, i) => $", {Column(f.Name)} = $p{i}"))} " +
            "WHERE id = $id AND v = $expected", [.. parameters]);
        if (changed == 0) return false;
        await ReplaceValuesAsync(connection, transaction, collection, replace.Id, values);
        return true;
    }

    private static async Task PutAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection, string id, object document)
    {
        var values = collection.ValuesOf(document);
        var scalar = collection.Fields.Where(f => !f.Many).ToList();
        var own = collection.VersionOf(document);
        var parameters = new List<(string, object?)> { ("$id", id), ("$v", own ?? 1), ("$doc", collection.Serialize(document)) };
        parameters.AddRange(scalar.Select((f, i) => ($"$p{i}", values[f.Name].FirstOrDefault())));
        await Execute(connection, transaction,
            $"INSERT INTO {Table(collection)} (id, v, doc{string.Concat(scalar.Select(f => ", " + Column(f.Name)))}) " +
            $"VALUES ($id, $v, $doc{string.Concat(scalar.Select((_, i) => $", $p{i}"))}) " +
            $"ON CONFLICT (id) DO UPDATE SET v = {(own is null ? "v + 1" : "excluded.v")}, doc = excluded.doc" +
            string.Concat(scalar.Select(f => $", {Column(f.Name)} = excluded.{Column(f.Name)}")), [.. parameters]);
        await ReplaceValuesAsync(connection, transaction, collection, id, values);
    }

    private static async Task<WriteConflict?> IncrementAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection,
        WriteOperation.Increment increment)
    {
        var field = collection.Field(increment.Counter);
        var counter = Column(field.Name);
        var ceiling = field.Ceiling is null ? "" : $" AND {counter} + $by <= {Column(field.Ceiling)}";
        var changed = await Execute(connection, transaction,
            $"UPDATE {Table(collection)} SET {counter} = {counter} + $by, doc = json_set(doc, $path, {counter} + $by), v = v + 1 " +
            $"WHERE id = $id AND {counter} + $by >= 0{ceiling}",
            ("$id", increment.Id), ("$by", increment.By), ("$path", "$." + field.Name));
        if (changed == 1) return null;
        var exists = await Scalar(connection, transaction, $"SELECT COUNT(*) FROM {Table(collection)} WHERE id = $id", ("$id", increment.Id));
        return exists == 0 ? new WriteConflict.Missing(collection.Name, increment.Id) : new WriteConflict.LimitReached(collection.Name, increment.Id, field.Name);
    }

    private static async Task ReplaceValuesAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection,
        string id, IReadOnlyDictionary<string, object?[]> values)
    {
        foreach (var field in collection.Fields.Where(f => f.Many))
        {
            await Execute(connection, transaction, $"DELETE FROM {SideTable(collection, field.Name)} WHERE id = $id", ("$id", id));
            await InsertValuesAsync(connection, transaction, collection, field.Name, id, values[field.Name]);
        }
    }

    private static async Task InsertValuesAsync(SqliteConnection connection, SqliteTransaction transaction, IDocumentCollection collection,
        string field, string id, IEnumerable<object?> values)
    {
        foreach (var value in values)
            await Execute(connection, transaction, $"INSERT INTO {SideTable(collection, field)} (value, id) VALUES ($value, $id)", ("$value", value), ("$id", id));
    }

    private static void Where(SqlText sql, IDocumentCollection collection, DocumentQuery query)
    {
        var clauses = new List<string>();
        foreach (var condition in query.Conditions)
        {
            var field = collection.Field(condition.Field);
            if (field.Many)
            {
                var values = condition.Values.Select(sql.Parameter).ToList();
                clauses.Add(values.Count == 0
                    ? "0"
                    : $"d.id IN (SELECT id FROM {SideTable(collection, field.Name)} WHERE value IN ({string.Join(", ", values)}))");
                continue;
            }
            var column = "d." + Column(field.Name);
            var value = condition.Values.FirstOrDefault();
            clauses.Add(condition.Comparison switch
            {
                Comparison.Equal when value is null => $"{column} IS NULL",
                Comparison.Equal => $"{column} = {sql.Parameter(value)}",
                Comparison.NotEqual => $"{column} IS NOT {sql.Parameter(value)}",
                Comparison.In when condition.Values.Count == 0 => "0",
                Comparison.In => $"{column} IN ({string.Join(", ", condition.Values.Select(sql.Parameter))})",
                Comparison.AtLeast => $"{column} >= {sql.Parameter(value)}",
                Comparison.After => $"{column} > {sql.Parameter(value)}",
                Comparison.AtMost => $"{column} <= {sql.Parameter(value)}",
                Comparison.Before => $"{column} < {sql.Parameter(value)}",
                _ => throw new NotSupportedException(condition.Comparison.ToString()),
            });
        }
        if (clauses.Count > 0) sql.Append(" WHERE ").Append(string.Join(" AND ", clauses));
    }

    private static async Task<IReadOnlyList<Stored<T>>> ListAsync<T>(DocumentCollection<T> collection, SqliteCommand command,
        CancellationToken cancellationToken) where T : class
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var documents = new List<Stored<T>>();
            while (await reader.ReadAsync(cancellationToken)) documents.Add(new Stored<T>(collection.Deserialize(reader.GetString(2)), reader.GetInt64(1)));
            return documents;
        }
    }

    /// <summary>A read sees the last committed state, or, inside a call transaction that wrote, the call's own writes.</summary>
    private async Task<TResult> ReadAsync<TResult>(Func<SqliteConnection, SqliteTransaction?, Task<TResult>> read)
    {
        if (CallTransaction.Current(this) is SqliteCallTransaction { Generation: { } generation })
            return await _writer.ReadAsync((c, t) => read(c, t), generation);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return await read(connection, null);
    }

    /// <summary>A write of the engine's own (set-up, imports, purges), acknowledged like any batch.</summary>
    private async Task<TResult> WriteAloneAsync<TResult>(Func<SqliteConnection, SqliteTransaction, Task<TResult>> write, CancellationToken cancellationToken)
    {
        var (result, committed) = await _writer.ApplyAsync(write, _ => true, acknowledge: true, null, cancellationToken);
        await committed;
        return result;
    }

    internal void Committed(WriteBatch batch)
    {
        StoreWrites.Committed();
        if (_outboxSignal is not null && batch.Operations.Any(o => ReferenceEquals(o.Collection, OutboxRecords.Collection))) _outboxSignal.Notify();
    }

    private async Task<SqliteConnection> OpenWriterAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous};";
            await pragma.ExecuteNonQueryAsync();
        }
        return connection;
    }

    /// <summary>The rule a UNIQUE failure broke, from the columns SQLite names ("UNIQUE constraint failed: t.f_a, t.f_b").</summary>
    private static string RuleOf(IDocumentCollection collection, string message)
    {
        var at = message.IndexOf("failed: ", StringComparison.Ordinal);
        var columns = at < 0 ? [] : message[(at + 8)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(c => c.TrimEnd('\'', '.', ' ')).ToArray();
        if (columns.Length == 1 && columns[0] == $"doc_{collection.Name}.id") return "id";
        foreach (var index in collection.Indexes.Where(i => i.Unique))
        {
            var expected = index.Fields.Count == 1 && collection.Field(index.Fields[0]).Many
                ? [$"doc_{collection.Name}__{index.Fields[0]}.value"]
                : index.Fields.Select(f => $"doc_{collection.Name}.f_{f}").ToArray();
            if (expected.SequenceEqual(columns)) return index.Name;
        }
        return "id";
    }


    internal static string Table(IDocumentCollection collection) => Quote("doc_" + collection.Name);
    private static string SideTable(IDocumentCollection collection, string field) => Quote($"doc_{collection.Name}__{field}");
    private static string Column(string field) => Quote("f_" + field);
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    internal static async Task<int> Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>SQL text with its parameters, built as a query is translated.</summary>
    private sealed class SqlText
    {
        private readonly StringBuilder _text = new();
        private readonly List<(string, object?)> _parameters = [];

        public (string Name, object? Value)[] Parameters => [.. _parameters];

        public SqlText Append(string text)
        {
            _text.Append(text);
            return this;
        }

        public string Parameter(object? value)
        {
            var name = $"$q{_parameters.Count}";
            _parameters.Add((name, value));
            return name;
        }

        public SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction) =>
            SqliteDocumentStore.Command(connection, transaction, _text.ToString(), Parameters);

        public override string ToString() => _text.ToString();
    }
}
