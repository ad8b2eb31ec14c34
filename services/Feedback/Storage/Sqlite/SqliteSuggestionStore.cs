using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteSuggestionStore(SqliteDatabase database) : ISuggestionStore
{
    private const string Columns =
        "suggestion_id, window, category, text, anonymous, name, phone, submitted_at, idempotency_key, fingerprint";

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
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM suggestions WHERE suggestion_id = $id", Read, null, ("$id", suggestionId)));

    public Task<Suggestion?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM suggestions WHERE idempotency_key = $key", Read, null, ("$key", key)));

    private static Suggestion Read(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Window: (Window)r.GetInt32(1),
        Category: r.GetString(2),
        Text: r.GetString(3),
        Suggester: r.GetInt32(4) == 1 ? null : new Suggester(r.GetString(5), r.GetNullableString(6)),
        SubmittedAt: r.ReadInstant(7),
        Idempotency: r.IsDBNull(8) ? null : new Idempotency(r.GetString(8), r.GetString(9)));
}
