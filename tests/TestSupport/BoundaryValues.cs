using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CivilAffairs.TestSupport;

/// <summary>
/// Hostile input from a contract's descriptors: one request per kind of boundary value (int64 extremes, NaN, the first
/// and last dates, empty and 1 MB strings, control characters, wrong enum numbers), every field of the request and of
/// its nested messages set that way; and the store's batch counter, to prove a refused call wrote nothing.
/// </summary>
public static class BoundaryValues
{
    private static readonly (string Name, Func<FieldDescriptor, object?> Value)[] Kinds =
    [
        ("largest numbers", f => f.FieldType switch
        {
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.MaxValue,
            FieldType.UInt64 or FieldType.Fixed64 => ulong.MaxValue,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.MaxValue,
            FieldType.UInt32 or FieldType.Fixed32 => uint.MaxValue,
            FieldType.Double => double.MaxValue, FieldType.Float => float.MaxValue,
            _ => null,
        }),
        ("smallest numbers", f => f.FieldType switch
        {
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.MinValue,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.MinValue,
            FieldType.Double => double.MinValue, FieldType.Float => float.NegativeInfinity,
            _ => null,
        }),
        ("not a number", f => f.FieldType switch { FieldType.Double => double.NaN, FieldType.Float => float.NaN, _ => null }),
        ("first date", f => f.FieldType == FieldType.String ? "0001-01-01" : null),
        ("last date", f => f.FieldType == FieldType.String ? (f.Name.Contains("month") ? "9999-12" : "9999-12-31") : null),
        ("empty strings", f => f.FieldType == FieldType.String ? "" : null),
        ("a 1 MB string", f => f.FieldType == FieldType.String ? new string('长', 300_000) : null),
        ("control characters", f => f.FieldType == FieldType.String ? "张\u0000\u0007\u001b[2J三" : null),
        ("wrong enum numbers", f => f.FieldType == FieldType.Enum ? 999 : null),
    ];

    /// <summary>One serialised request of <paramref name="type"/> per kind of boundary value.</summary>
    public static IEnumerable<(string Name, byte[] Message)> Messages(MessageDescriptor type) =>
        Kinds.Select(kind => (kind.Name, Fill(type, kind.Value, depth: 0).ToByteArray()));

    /// <summary>The batches <paramref name="rpc"/> has committed so far, read from a Prometheus scrape
    /// (<c>civilaffairs_store_batches_total{rpc=...}</c>); 0 before its first.</summary>
    public static double StoreBatches(string metrics, string rpc)
    {
        var line = metrics.Split('\n').FirstOrDefault(l =>
            l.StartsWith("civilaffairs_store_batches_total{", StringComparison.Ordinal) && l.Contains($"rpc=\"{rpc}\""));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static IMessage Fill(MessageDescriptor type, Func<FieldDescriptor, object?> value, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            // Without a key: a keyed refusal is stored as the key's outcome (a write by design), so it is left out here.
            if (field.IsMap || field.Name == "idempotency_key") continue;
            object? item = field.FieldType == FieldType.Message
                ? depth < 2 && !field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal) ? Fill(field.MessageType, value, depth + 1) : null
                : value(field);
            if (item is null) continue;
            if (field.FieldType == FieldType.Enum) item = Enum.ToObject(field.EnumType.ClrType, item);
            if (field.IsRepeated) ((System.Collections.IList)field.Accessor.GetValue(message)).Add(item);
            else field.Accessor.SetValue(message, item);
        }
        return message;
    }
}
