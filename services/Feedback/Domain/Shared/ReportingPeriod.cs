using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>An optional range of office days, both ends inclusive; an open end reaches as far as the records go.</summary>
public sealed record ReportingPeriod(DateOnly? From, DateOnly? To)
{
    public static readonly ReportingPeriod Always = new(null, null);

    public static ReportingPeriod Parse(string? from, string? to, string fromField = "from_date", string toField = "to_date")
    {
        var validator = new Validator();
        var fromDate = validator.Date(from, fromField, required: false);
        var toDate = validator.Date(to, toField, required: false);
        validator.ThrowIfInvalid();
        if (fromDate is { } f && toDate is { } t && t < f)
            throw new ValidationFailed(toField, "must not be before from_date");
        return new ReportingPeriod(fromDate, toDate);
    }

    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);
}
