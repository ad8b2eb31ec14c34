using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Dates read from request fields, with any fault added to the validator rather than thrown at once.</summary>
public static class DateFields
{
    public static DateOnly? Date(this Validator validator, string? text, string field, bool required = true)
    {
        if (!required && string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return Dates.ParseDate(text, field);
        }
        catch (ValidationFailed error)
        {
            validator.Add(field, error.Violations[0].Description);
            return null;
        }
    }
}
