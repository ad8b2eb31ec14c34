using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace CivilAffairs.ServiceDefaults.Documents.Mongo;

/// <summary>
/// Every filter, update, index and pipeline the MongoDB engine sends, as BSON, built without a server so tests can
/// read them. A stored document is <c>{ _id, _v: version, f: { declared fields }, doc: the aggregate's JSON as BSON }</c>;
/// fields without a value are left out of <c>f</c>, so unique indexes (partial on <c>$exists</c>) skip them as the
/// embedded engine does.
/// </summary>
public static class MongoCommands
{
    public const string SequencesCollection = "doc__sequences";

    public static string CollectionName(IDocumentCollection collection) => "doc_" + collection.Name;

    public static BsonDocument StoredDocument(IDocumentCollection collection, string id, long version, object document) => new()
    {
        { "_id", id },
        { "_v", version },
        { "f", Fields(collection, document) },
        { "doc", BsonDocument.Parse(collection.Serialize(document)) },
    };

    public static BsonDocument Fields(IDocumentCollection collection, object document)
    {
        var fields = new BsonDocument();
        foreach (var (name, values) in collection.ValuesOf(document))
        {
            if (collection.Field(name).Many)
            {
                if (values.Length > 0) fields[name] = new BsonArray(values.Select(Value));
            }
            else if (values.FirstOrDefault() is { } value)
            {
                fields[name] = Value(value);
            }
        }
        return fields;
    }

    /// <summary>The aggregate's JSON back from the stored BSON (relaxed: numbers as plain numbers).</summary>
    public static string DocumentJson(BsonDocument stored) =>
        stored["doc"].AsBsonDocument.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson });

    public static BsonDocument ById(string id) => new("_id", id);

    public static BsonDocument ByIds(IEnumerable<string> ids) => new("_id", new BsonDocument("$in", new BsonArray(ids)));

    /// <summary>The version check of a replacement: only the version that was read is replaced.</summary>
    public static BsonDocument AtVersion(string id, long expectedVersion) => new() { { "_id", id }, { "_v", expectedVersion } };

    /// <summary>Insert-or-overwrite of a document: its own version when it carries one, else one more than stored.</summary>
    public static BsonDocument PutUpdate(IDocumentCollection collection, object document)
    {
        var set = new BsonDocument { { "f", Fields(collection, document) }, { "doc", BsonDocument.Parse(collection.Serialize(document)) } };
        if (collection.VersionOf(document) is { } own)
        {
            set["_v"] = own;
            return new BsonDocument("$set", set);
        }
        return new BsonDocument { { "$set", set }, { "$inc", new BsonDocument("_v", 1L) } };
    }

    /// <summary>The conditional increment: matches only while the counter stays within zero and its ceiling
    /// (<c>booked + 1 &lt;= capacity</c> for a slot), evaluated by the server in the same operation as the update.</summary>
    public static BsonDocument IncrementFilter(IDocumentCollection collection, string id, string counter, long by)
    {
        var field = collection.Field(counter);
        var next = new BsonDocument("$add", new BsonArray { $"$f.{field.Name}", by });
        var bounds = new BsonArray { new BsonDocument("$gte", new BsonArray { next, 0L }) };
        if (field.Ceiling is not null) bounds.Add(new BsonDocument("$lte", new BsonArray { next.DeepClone(), $"$f.{field.Ceiling}" }));
        return new BsonDocument { { "_id", id }, { "$expr", new BsonDocument("$and", bounds) } };
    }

    public static BsonDocument IncrementUpdate(string counter, long by) =>
        new("$inc", new BsonDocument { { $"f.{counter}", by }, { $"doc.{counter}", by }, { "_v", 1L } });

    public static BsonDocument NextNumberUpdate() => new("$inc", new BsonDocument("value", 1L));

    public static BsonDocument Filter(IDocumentCollection collection, DocumentQuery query)
    {
        query.Check(collection);
        var clauses = new List<BsonDocument>();
        foreach (var condition in query.Conditions)
        {
            var path = "f." + condition.Field;
            var value = condition.Values.FirstOrDefault();
            clauses.Add(condition.Comparison switch
            {
                Comparison.Equal => new BsonDocument(path, Value(value)),
                Comparison.NotEqual => new BsonDocument(path, new BsonDocument("$ne", Value(value))),
                Comparison.In => new BsonDocument(path, new BsonDocument("$in", new BsonArray(condition.Values.Select(Value)))),
                Comparison.AtLeast => new BsonDocument(path, new BsonDocument("$gte", Value(value))),
                Comparison.After => new BsonDocument(path, new BsonDocument("$gt", Value(value))),
                Comparison.AtMost => new BsonDocument(path, new BsonDocument("$lte", Value(value))),
                Comparison.Before => new BsonDocument(path, new BsonDocument("$lt", Value(value))),
                _ => throw new NotSupportedException(condition.Comparison.ToString()),
            });
        }
        return clauses.Count switch
        {
            0 => [],
            1 => clauses[0],
            _ => new BsonDocument("$and", new BsonArray(clauses)),
        };
    }

    /// <summary>The query's order, the id last so pages are stable (as on the embedded engine).</summary>
    public static BsonDocument Sort(DocumentQuery query)
    {
        var sort = new BsonDocument();
        foreach (var order in query.Order) sort["f." + order.Field] = order.Descending ? -1 : 1;
        sort["_id"] = 1;
        return sort;
    }

    public static BsonDocument[] GroupPipeline(IDocumentCollection collection, DocumentQuery query, IReadOnlyList<string> groupBy, string? sum)
    {
        var key = new BsonDocument();
        for (var i = 0; i < groupBy.Count; i++) key[$"k{i}"] = $"$f.{groupBy[i]}";
        var group = new BsonDocument
        {
            { "_id", key },
            { "count", new BsonDocument("$sum", 1) },
            { "sum", new BsonDocument("$sum", sum is null ? 0 : $"$f.{sum}") },
        };
        var sort = new BsonDocument();
        for (var i = 0; i < groupBy.Count; i++) sort[$"_id.k{i}"] = 1;
        if (sort.ElementCount == 0) sort["_id"] = 1;
        return [new BsonDocument("$match", Filter(collection, query)), new BsonDocument("$group", group), new BsonDocument("$sort", sort)];
    }

    /// <summary>One index per declaration: keys on <c>f.&lt;field&gt;</c>; a unique one is named by its rule and only
    /// holds documents that have all its fields.</summary>
    public static IReadOnlyList<(BsonDocument Keys, string Name, bool Unique, BsonDocument? Partial)> Indexes(IDocumentCollection collection) =>
        collection.Indexes.Select(index =>
        {
            var keys = new BsonDocument();
            foreach (var field in index.Fields) keys["f." + field] = 1;
            BsonDocument? partial = null;
            if (index.Unique)
            {
                partial = new BsonDocument();
                foreach (var field in index.Fields) partial["f." + field] = new BsonDocument("$exists", true);
            }
            return (keys, index.Name, index.Unique, partial);
        }).ToList();

    /// <summary>The rule a duplicate-key error broke, from the index it names ("... index: slot-unique dup key: ...").</summary>
    public static string RuleOf(string message)
    {
        const string marker = "index: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return "id";
        var name = message[(at + marker.Length)..].Split(' ', 2)[0];
        return name == "_id_" ? "id" : name;
    }

    public static BsonValue Value(object? value) => FieldValue.Normalize(value) switch
    {
        null => BsonNull.Value,
        string s => new BsonString(s),
        long l => new BsonInt64(l),
        double d => new BsonDouble(d),
        var other => throw new NotSupportedException(other.GetType().Name),
    };

    public static object? FromBson(BsonValue value) => value.BsonType switch
    {
        BsonType.Null or BsonType.Undefined => null,
        BsonType.String => value.AsString,
        BsonType.Int32 => (long)value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.Decimal128 => (double)value.AsDecimal,
        BsonType.Boolean => value.AsBoolean ? 1L : 0L,
        BsonType.DateTime => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        BsonType.Binary => value.AsByteArray,
        BsonType.ObjectId => value.AsObjectId.ToString(),
        _ => value.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson }),
    };
}
