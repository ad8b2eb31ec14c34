namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Small checks of free text and identifiers that every request of this service shares.</summary>
public static class Text
{
    public const int MaxLine = 200;
    public const int MaxEvidence = 1000;

    public static string Clean(string? text) => (text ?? "").Trim();

    /// <summary>An identifier from a request: required, at most 64 characters. Violations go to <paramref name="into"/>
    /// when given (so a caller hears about every field at once), otherwise they are thrown.</summary>
    public static string RequireId(string? id, string field, Validator? into = null)
    {
        var trimmed = Clean(id);
        var v = into ?? new Validator();
        v.Require(trimmed.Length > 0, field, "is required");
        v.Require(trimmed.Length <= 64, field, "must be at most 64 characters");
        if (into is null) v.ThrowIfInvalid();
        return trimmed;
    }

    /// <summary>Required text of at most <paramref name="max"/> characters.</summary>
    public static string Require(string? text, string field, int max, Validator v)
    {
        var clean = Clean(text);
        v.Require(clean.Length > 0, field, "is required");
        v.Require(clean.Length <= max, field, $"must be at most {max} characters");
        return clean;
    }

    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public static string Optional(string? text, string field, int max, Validator v)
    {
        var clean = Clean(text);
        v.Require(clean.Length <= max, field, $"must be at most {max} characters");
        return clean;
    }

    /// <summary>A "YYYY-MM-DD" date, its violation collected into <paramref name="v"/>; default when invalid.</summary>
    public static DateOnly Date(string? text, string field, Validator v)
    {
        try
        {
            return Dates.ParseDate(text, field);
        }
        catch (ValidationFailed invalid)
        {
            foreach (var violation in invalid.Violations) v.Add(violation.Field, violation.Description);
            return default;
        }
    }
}
