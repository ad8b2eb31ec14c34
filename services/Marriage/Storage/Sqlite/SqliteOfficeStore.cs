using CivilAffairs.Marriage.Domain;
using CivilAffairs.Marriage.Storage.Documents;
using CivilAffairs.ServiceDefaults.Storage;

namespace CivilAffairs.Marriage.Storage.Sqlite;

internal sealed class SqliteOfficeStore(SqliteDatabase database) : IOfficeStore
{
    public async Task<OfficeSettings?> GetAsync(string officeId, CancellationToken cancellationToken)
    {
        var json = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync(
            "SELECT doc FROM offices WHERE office_id = $id", r => r.GetString(0), null, ("$id", officeId)));
        return json is null ? null : MarriageDocumentMapping.FromJson<OfficeDocument>(json).ToDomain();
    }

    public Task SaveAsync(OfficeSettings settings, CancellationToken cancellationToken) =>
        database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO offices (office_id, doc) VALUES ($id, $doc) ON CONFLICT (office_id) DO UPDATE SET doc = excluded.doc",
            t, ("$id", settings.OfficeId), ("$doc", MarriageDocumentMapping.ToJson(settings.ToDocument()))), cancellationToken);
}
