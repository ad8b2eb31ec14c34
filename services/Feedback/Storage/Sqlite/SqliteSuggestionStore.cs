using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteSuggestionStore(SqliteDatabase database) : ISuggestionStore
{
    private const string Columns =
        "suggestion_id, window, category, text, anonymous, name, phone, submitted_at, idempotency_key, fingerprint";

    private const string EntryColumns = "suggestion_id, number, kind, text, by_whom, at, idempotency_key, fingerprint";

    /// <summary>Newest first, continuing after a (time, id) cursor, on the (window, submitted_at, id) index.</summary>
    internal const string ListSql = $"""
        SELECT {Columns} FROM suggestions
        WHERE window = $window AND ($category IS NULL OR category = $category) AND ($at IS NULL OR submitted_at < $at OR (submitted_at = $at AND suggestion_id < $id))
        ORDER BY submitted_at DESC, suggestion_id DESC LIMIT $limit
        """;

    public Task<AddOutcome> AddAsync(Suggestion suggestion, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.InsertAsync(transaction,
            $"INSERT INTO suggestions ({Columns}) VALUES ($id, $window, $category, $text, $anonymous, $name, $phone, $at, $key, $fingerprint)",
            "idempotency_key",
            ("$id", suggestion.Id), ("$window", (int)suggestion.Window), ("$category", suggestion.Category),
            ("$text", suggestion.Text), ("$anonymous", suggestion.Anonymous ? 1 : 0),
            ("$name", suggestion.Suggester?.Name), ("$phone", suggestion.Suggester?.Phone),
            ("$at", SqliteValues.Instant(suggestion.SubmittedAt)),
            ("$key", suggestion.Idempotency?.Key), ("$fingerprint", suggestion.Idempotency?.Fingerprint)), cancellationToken);

    public Task<Suggestion?> FindAsync(string suggestionId, CancellationToken cancellationToken = default) =>
        FindWhereAsync("suggestion_id", suggestionId);

    public Task<Suggestion?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindWhereAsync("idempotency_key", key);

    public Task<bool> AppendAsync(Suggestion updated, int expectedVersion, SuggestionEntry entry, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(
                "UPDATE suggestions SET hidden = $hidden, version = $version WHERE suggestion_id = $id AND version = $expected", transaction,
                ("$hidden", updated.Hidden ? 1 : 0), ("$version", updated.Version), ("$id", updated.Id), ("$expected", expectedVersion));
            if (changed == 0) return false;
            await connection.ExecuteAsync(
                $"INSERT INTO suggestion_entries ({EntryColumns}) VALUES ($id, $number, $kind, $text, $by, $at, $key, $fingerprint)", transaction,
                ("$id", updated.Id), ("$number", entry.Number), ("$kind", (int)entry.Kind), ("$text", entry.Text), ("$by", entry.By),
                ("$at", SqliteValues.Instant(entry.At)), ("$key", entry.Idempotency?.Key), ("$fingerprint", entry.Idempotency?.Fingerprint));
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<Suggestion>> ListAsync(Window window, string? category, int limit, SuggestionCursor? after,
        CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Suggestion>>(async connection =>
        {
            var rows = await connection.QueryAsync(ListSql, Read, null, ("$window", (int)window), ("$category", category),
                ("$at", after is null ? null : SqliteValues.Instant(after.SubmittedAt)), ("$id", after?.Id), ("$limit", limit));
            var page = new List<Suggestion>();
            foreach (var row in rows) page.Add(await WithEntriesAsync(connection, row));
            return page;
        });

    private Task<Suggestion?> FindWhereAsync(string column, string value) =>
        database.ReadAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync(
                $"SELECT {Columns} FROM suggestions WHERE {column} = $value", Read, null, ("$value", value));
            return row is null ? null : await WithEntriesAsync(connection, row);
        });

    private static async Task<Suggestion> WithEntriesAsync(SqliteConnection connection, Suggestion suggestion) => suggestion with
    {
        Entries = await connection.QueryAsync($"SELECT {EntryColumns} FROM suggestion_entries WHERE suggestion_id = $id ORDER BY number",
            r => new SuggestionEntry(r.GetInt32(1), (SuggestionEntryKind)r.GetInt32(2), r.GetString(3), r.GetString(4), r.ReadInstant(5),
                r.IsDBNull(6) ? null : new Idempotency(r.GetString(6), r.GetString(7))),
            null, ("$id", suggestion.Id)),
    };

    private static Suggestion Read(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Window: (Window)r.GetInt32(1),
        Category: r.GetString(2),
        Text: r.GetString(3),
        Suggester: r.GetInt32(4) == 1 ? null : new Suggester(r.GetString(5), r.GetNullableString(6)),
        SubmittedAt: r.ReadInstant(7),
        Idempotency: r.IsDBNull(8) ? null : new Idempotency(r.GetString(8), r.GetString(9)));
}
