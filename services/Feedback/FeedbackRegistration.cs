using System.Globalization;
using CivilAffairs.Feedback.Api;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Integration;
using CivilAffairs.SharedKernel;

namespace Microsoft.Extensions.Hosting;

/// <summary>The feedback domain's services and its local rules, read from configuration.</summary>
public static class FeedbackRegistration
{
    public static IHostApplicationBuilder AddFeedbackDomain(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(sp => ReadRules(configuration, sp.GetRequiredService<WorkingDayCalendar>()));
        builder.Services.AddSingleton(sp => new OfficeClock(sp.GetRequiredService<TimeProvider>(), OfficeClock.FindZone(configuration["Feedback:TimeZone"])));
        builder.Services.AddSingleton<IPlatformEvents, PlatformEvents>();
        builder.Services.AddSingleton<Ratings>();
        builder.Services.AddSingleton<RatingInvitations>();
        builder.Services.AddSingleton<SuggestionBox>();
        builder.Services.AddSingleton<Rectifications>();
        builder.Services.AddSingleton<Statistics>();
        builder.Services.AddSingleton<Questionnaires>();
        builder.Services.AddSingleton<Evaluators>();
        builder.Services.AddSingleton<AppraisalMeetings>();
        builder.Services.AddSingleton<FeedbackMetrics>();
        builder.Services.AddSingleton<IFeedbackObserver>(sp => sp.GetRequiredService<FeedbackMetrics>());
        builder.Services.AddHostedService<OverdueWatch>();
        return builder;
    }

    /// <summary>
    /// <c>Feedback:Invitations:ValidFor</c> (e.g. <c>7.00:00:00</c>); <c>Feedback:Rectification:WorkingDays</c> and
    /// <c>ComplexWorkingDays</c>, overridden per window under <c>Feedback:Rectification:Windows:&lt;WINDOW_CODE&gt;</c>;
    /// <c>Feedback:Suggestions:Categories</c>. Working days are the platform's official calendar (registered by the
    /// service defaults), never a list of feedback's own.
    /// </summary>
    internal static FeedbackRules ReadRules(IConfiguration configuration, WorkingDayCalendar calendar)
    {
        var rectification = configuration.GetSection("Feedback:Rectification");
        var defaults = new RectificationDeadline(
            rectification.GetValue("WorkingDays", 5), rectification.GetValue("ComplexWorkingDays", 15));
        var byWindow = new Dictionary<Window, RectificationDeadline>();
        foreach (var section in rectification.GetSection("Windows").GetChildren())
        {
            if (!WindowCodes.TryParse(section.Key, out var window))
                throw new InvalidOperationException($"Feedback:Rectification:Windows:{section.Key} is not a window type");
            byWindow[window] = new RectificationDeadline(
                section.GetValue("WorkingDays", defaults.WorkingDays), section.GetValue("ComplexWorkingDays", defaults.ComplexWorkingDays));
        }
        var validFor = configuration["Feedback:Invitations:ValidFor"];
        var categories = configuration.GetSection("Feedback:Suggestions:Categories").Get<string[]>();
        return new FeedbackRules
        {
            InvitationValidFor = string.IsNullOrWhiteSpace(validFor) ? TimeSpan.FromDays(7) : TimeSpan.Parse(validFor, CultureInfo.InvariantCulture),
            DefaultDeadline = defaults,
            DeadlinesByWindow = byWindow,
            SuggestionCategories = categories is { Length: > 0 } ? categories : new FeedbackRules().SuggestionCategories,
            Calendar = calendar,
        };
    }
}
