using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Dates read from request fields, with any fault added to the validator rather than thrown at once.</summary>
public static class DateFields
{
    /// <summary>The days a feedback date can name: a rating, a meeting, a term or a report period of the bureau.
    /// 0001-01-01 and 9999-12-31 are typing errors, and a month past the last one could not even be counted.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static DateOnly? Date(this Validator validator, string? text, string field, bool required = true)
    {
        if (!required && string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var date = Dates.ParseDate(text, field);
            if (date >= Earliest && date <= Latest) return date;
            validator.Add(field, $"must lie between {Dates.Format(Earliest)} and {Dates.Format(Latest)}");
            return null;
        }
        catch (ValidationFailed error)
        {
            validator.Add(field, error.Violations[0].Description);
            return null;
        }
    }
}
