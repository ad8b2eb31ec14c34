using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>The local rules of the feedback office, from configuration (section <c>Feedback</c>).</summary>
public sealed class FeedbackRules
{
    /// <summary>How long a citizen may rate after the service sent the invitation.</summary>
    public TimeSpan InvitationValidFor { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Working days to close a rectification case, counted from the day it opened, by window; a window
    /// not listed uses <see cref="DefaultDeadline"/>.</summary>
    public RectificationDeadline DefaultDeadline { get; init; } = new(5, 15);

    public IReadOnlyDictionary<Window, RectificationDeadline> DeadlinesByWindow { get; init; } = new Dictionary<Window, RectificationDeadline>();

    /// <summary>The platform's official working-day calendar (the service's singleton; the repository's file by default).</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.Official();

    /// <summary>The categories a suggestion is filed under.</summary>
    public IReadOnlyList<string> SuggestionCategories { get; init; } = ["服务态度", "办事效率", "环境设施", "政策咨询", "其他"];

    public RectificationDeadline DeadlineFor(Window window) =>
        DeadlinesByWindow.TryGetValue(window, out var deadline) ? deadline : DefaultDeadline;
}

/// <summary>Working days for a clear complaint (fixed at once) and for a complex one tracked to a deadline.</summary>
public sealed record RectificationDeadline(int WorkingDays, int ComplexWorkingDays);
