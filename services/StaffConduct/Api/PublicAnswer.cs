using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CivilAffairs.StaffConduct.Api;

/// <summary>
/// What the answers of the public routes (the hall wall of a window, its designations, the service catalogue: the
/// routes the gateway serves without a partner credential) may show, applied on the server before the answer leaves:
/// ID numbers and mobile numbers in any text (commitments, duty notes, evidence, reasons, catalogue content) are masked
/// (<see cref="Masking.Redact"/>), and control characters (a NUL kept by an earlier release) are dropped. These
/// answers hold no citizen's name; the staff member's own name, badge and post stay: showing them is the rule (亮身份).
/// </summary>
public static class PublicAnswer
{
    public static T Masked<T>(T message) where T : IMessage
    {
        Walk(message, depth: 0);
        return message;
    }

    private static void Walk(IMessage message, int depth)
    {
        if (depth > 16) return;
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap) continue; // the staff-conduct answers hold no maps
            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is string text) list[i] = Shown(field, text);
                    else if (list[i] is IMessage nested) Walk(nested, depth + 1);
                }
                continue;
            }
            if (field.FieldType == FieldType.String)
            {
                var text = (string)field.Accessor.GetValue(message);
                if (text.Length > 0) field.Accessor.SetValue(message, Shown(field, text));
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage nested)
            {
                Walk(nested, depth + 1);
            }
        }
    }

    // Identifiers (staff_id, item_id, ...) are the platform's own, never typed text: masking a run of digits inside a
    // generated id would break the link a partner follows, and hides nothing.
    private static string Shown(FieldDescriptor field, string text) =>
        field.Name == "id" || field.Name.EndsWith("_id", StringComparison.Ordinal)
            ? WithoutControlCharacters(text)
            : Masking.Redact(WithoutControlCharacters(text));

    /// <summary>Line breaks stay (free text); every other control character goes.</summary>
    public static string WithoutControlCharacters(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c != '\n')) return text;
        return string.Concat(text.Where(c => !char.IsControl(c) || c == '\n'));
    }
}
