using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>Domain records to contract messages. Nothing here ever copies a phone number or a full name out.</summary>
internal static class ContractTranslation
{
    public static V1.Rating ToContract(this Rating rating) => new()
    {
        RatingId = rating.Id,
        Window = rating.Window.ToContract(),
        StaffId = rating.StaffId ?? "",
        ServiceReference = rating.ServiceReference,
        Level = (V1.RatingLevel)(int)rating.Level,
        Comment = rating.Comment ?? "",
        Channel = (V1.Channel)(int)rating.Channel,
        RatedAt = rating.RatedAt.ToTimestamp(),
    };

    public static V1.Suggestion ToContract(this Suggestion suggestion) => new()
    {
        SuggestionId = suggestion.Id,
        Window = suggestion.Window.ToContract(),
        Category = suggestion.Category,
        Text = suggestion.Text,
        Anonymous = suggestion.Anonymous,
        MaskedName = suggestion.Suggester?.MaskedName ?? "",
        SubmittedAt = suggestion.SubmittedAt.ToTimestamp(),
    };

    public static IEnumerable<V1.LevelCount> LevelCounts(this SatisfactionFigures figures) =>
        figures.Counts.Select(c => new V1.LevelCount { Level = (V1.RatingLevel)(int)c.Key, Count = c.Value });

    public static string Format(DateOnly? day) => day is { } value ? Dates.Format(value) : "";
}
