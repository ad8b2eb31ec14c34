using System.Text;

namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>A parsed YAML value as one string with map keys sorted, to compare two documents by content.</summary>
public static class Canonical
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case IDictionary<object, object?> map:
                text.Append('{');
                foreach (var (key, child) in map.OrderBy(e => (string)e.Key, StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    Write(child, text);
                    text.Append(',');
                }
                text.Append('}');
                break;
            case IList<object?> list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(item, text);
                    text.Append(',');
                }
                text.Append(']');
                break;
            default:
                text.Append('"').Append(value).Append('"');
                break;
        }
    }
}
