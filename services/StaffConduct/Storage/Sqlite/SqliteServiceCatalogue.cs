using System.Text.Json;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.StaffConduct.Storage.Sqlite;

/// <summary>Catalogue versions; the eight-part content is one JSON column (read whole, never queried inside).</summary>
internal sealed class SqliteServiceCatalogue(SqliteDatabase database) : IServiceCatalogue
{
    private const string Columns = "item_id, version, window_type, office_id, effective_from, content, published_at, published_by";

    public Task<bool> AddVersionAsync(ServiceItemVersion version, CancellationToken cancellationToken = default) =>
        database.WriteOnceAsync("catalogue_versions.item_id", (connection, transaction) => InsertAsync(connection, transaction, version),
            cancellationToken);

    public async Task<IReadOnlyList<ServiceItemVersion>> VersionsAsync(string itemId, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM catalogue_versions WHERE item_id = @item ORDER BY version", Read, null, ("@item", itemId)));

    public async Task<IReadOnlyList<ServiceItemVersion>> ListAsync(Window? window, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(connection => connection.QueryAsync(
            $"SELECT {Columns} FROM catalogue_versions WHERE @window IS NULL OR window_type = @window ORDER BY item_id, version",
            Read, null, ("@window", window is { } w ? (int)w : null)));

    public Task SeedAsync(IReadOnlyList<ServiceItemVersion> versions, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var count = connection.Command("SELECT COUNT(*) FROM catalogue_versions", transaction);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) > 0) return;
            foreach (var version in versions) await InsertAsync(connection, transaction, version);
        }, cancellationToken);

    private static Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, ServiceItemVersion v) =>
        connection.ExecuteAsync($"""
            INSERT INTO catalogue_versions ({Columns}) VALUES (@item, @version, @window, @office, @from, @content, @at, @by)
            """, transaction,
            ("@item", v.ItemId), ("@version", v.Version), ("@window", (int)v.Window), ("@office", v.OfficeId),
            ("@from", SqliteValues.Date(v.EffectiveFrom)), ("@content", JsonSerializer.Serialize(v.Content)),
            ("@at", SqliteValues.Instant(v.PublishedAt)), ("@by", v.PublishedBy));

    private static ServiceItemVersion Read(SqliteDataReader r) => new(
        r.GetString(0), (Window)r.GetInt32(2), r.GetString(3), r.GetInt32(1), r.ReadDate(4),
        JsonSerializer.Deserialize<ServiceItemContent>(r.GetString(5)) ?? throw new InvalidDataException("a catalogue version holds no content"),
        r.ReadInstant(6), r.GetString(7));
}
