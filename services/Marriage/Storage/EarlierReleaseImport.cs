using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivilAffairs.Marriage.Domain;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using static CivilAffairs.Marriage.Storage.MarriageDocuments;

namespace CivilAffairs.Marriage.Storage;

/// <summary>
/// Carries a store file of the release before the document store over, once, every record kept (histories included):
/// its tables become documents. Not carried: what the documents now hold themselves (record_parties, certificates,
/// active_spouses are fields of the records) and the old idempotency tables (retries are answered by the interceptor now).
/// The old tables stay as they were.
/// </summary>
internal sealed class EarlierReleaseImport : IStoreMigration
{
    public async Task MigrateAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await Import(store, "offices", Settings, r => Office(Node(r, "doc")), cancellationToken);
        // Windows, closed days and appointment histories came with the second release: a file of the first has none.
        await Import(store, "calendar_days", Days, r => new OpenedDay(r.Text("office_id"), Date(r, "date"), r.Number("appointment_only") == 1,
            r.Has("windows") ? (int)r.Number("windows") : 0, r.Has("closed") && r.Number("closed") == 1), cancellationToken);
        await Import(store, "slots", Slots, r => new Slot(r.Text("slot_id"), r.Text("office_id"), Date(r, "date"), Time(r, "start_time"), Time(r, "end_time"),
            (int)r.Number("capacity"), (int)r.Number("booked")), cancellationToken);
        await Import(store, "appointments", Appointments, r => new Appointment(r.Text("appointment_id"), r.Text("office_id"), Date(r, "date"), r.Text("slot_id"),
            Time(r, "start_time"), Time(r, "end_time"), Person(r, "first"), Person(r, "second"), (AppointmentStatus)r.Number("status"), r.Instant("booked_at"),
            r.TextOrNull("cancelled_at") is null ? null : r.Instant("cancelled_at"), r.TextOrNull("cancel_reason"),
            JsonNode.Parse(r.TextOrNull("history") ?? "[]")!.AsArray().Select(e => (string)e!).ToList()), cancellationToken);
        await Import(store, "active_persons", Holds, r => new PersonHold(r.Text("id_number"), r.Text("appointment_id"), Date(r, "date")), cancellationToken);
        await Import(store, "tickets", Tickets, r => Node(r, "doc").Deserialize(Json<QueueTicket>())!, cancellationToken);
        await Import(store, "counters", SeriesStarts, r => new SeriesStart(r.Text("series"), r.Number("value")), cancellationToken);
        await Import(store, "marriage_records", Marriages, r => Record(Node(r, "doc")), cancellationToken);
        await Import(store, "divorce_applications", Divorces, r => Divorce(Node(r, "doc")), cancellationToken);

        var lines = new Dictionary<string, int>();
        await Import(store, "archive_entries", ArchiveLines, r =>
        {
            var marriageId = r.Text("marriage_id");
            var place = lines[marriageId] = lines.GetValueOrDefault(marriageId, -1) + 1;
            return new ArchiveLine($"{marriageId}:{place}", marriageId, r.Text("office_id"), Date(r, "date"), r.Text("action"));
        }, cancellationToken);
    }

    private static Task<int> Import<T>(IDocumentStore store, string table, DocumentCollection<T> collection, Func<LegacyRow, T> map,
        CancellationToken cancellationToken) where T : class =>
        store.ImportLegacyAsync(table, rows => rows.Aggregate(new WriteBatch(), (batch, row) => batch.Put(collection, map(row))), cancellationToken);

    private static OfficeSettings Office(JsonObject o) => new(Text(o, "officeId"), Text(o, "name"), (int)o["bookingHorizonDays"]!,
        Dates.ParseTime(Text(o, "bookingOpensAt"), "bookingOpensAt"), (int)o["windows"]!, (bool)o["walkInsAllowed"]!);

    /// <summary>The declarations were three flags in a row.</summary>
    private static MarriageRecord Record(JsonObject m)
    {
        var flags = m["declarations"]!.AsArray().Select(f => (bool)f!).ToArray();
        m["declarations"] = new JsonObject { ["neitherHasASpouse"] = flags[0], ["notCloseRelatives"] = flags[1], ["voluntary"] = flags[2] };
        return m.Deserialize(Json<MarriageRecord>())!;
    }

    /// <summary>The agreement's three parts were fields of the application itself.</summary>
    private static DivorceApplication Divorce(JsonObject a)
    {
        a["agreement"] = new JsonObject { ["children"] = Text(a, "children"), ["property"] = Text(a, "property"), ["debts"] = Text(a, "debts") };
        a["divorceCertificateNumber"] = a["certificateNumber"]?.DeepClone();
        return a.Deserialize(Json<DivorceApplication>())!;
    }

    /// <summary>The earlier documents: parties were <c>first</c> and <c>second</c>, enums numbers (which still read).</summary>
    private static JsonObject Node(LegacyRow row, string column)
    {
        var node = JsonNode.Parse(row.Text(column))!.AsObject();
        node["firstParty"] = node["first"]?.DeepClone();
        node["secondParty"] = node["second"]?.DeepClone();
        return node;
    }

    private static string Text(JsonObject node, string name) => (string)node[name]!;
    private static Party Person(LegacyRow r, string who) =>
        new(r.Text($"{who}_name"), ResidentIdNumber.Parse(r.Text($"{who}_id_number"), "stored id_number"), r.Text($"{who}_phone"));
    private static DateOnly Date(LegacyRow r, string column) => Dates.ParseDate(r.Text(column), column);
    private static TimeOnly Time(LegacyRow r, string column) => Dates.ParseTime(r.Text(column), column);
}
