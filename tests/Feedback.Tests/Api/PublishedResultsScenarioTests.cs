using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>
/// A month at the bureau: a hundred services rated across four windows; every bad rating opens a case; most are
/// closed on time, one runs overdue, one is appealed; the published results add it all up.
/// </summary>
public class PublishedResultsScenarioTests : IDisposable
{
    private static readonly WindowType[] Windows =
        [WindowType.MarriageRegistration, WindowType.SocialAssistance, WindowType.ElderlyCare, WindowType.FuneralServices];

    private readonly FeedbackHost _host;

    public PublishedResultsScenarioTests() : this(new FeedbackHost()) { }

    protected PublishedResultsScenarioTests(FeedbackHost host) => _host = host;

    protected FeedbackHost Host => _host;

    public void Dispose()
    {
        _host.Dispose();
        GC.SuppressFinalize(this);
    }

    private static RatingLevel LevelFor(int i) => (i % 10) switch
    {
        < 5 => RatingLevel.VerySatisfied,
        < 8 => RatingLevel.Satisfied,
        8 => RatingLevel.BasicallySatisfied,
        _ => i % 20 == 9 ? RatingLevel.Dissatisfied : RatingLevel.VeryDissatisfied,
    };

    [Fact]
    public async Task A_hundred_ratings_with_their_rectifications_add_up_in_the_published_statistics()
    {
        var client = _host.Client();
        var bad = new List<Rating>();
        for (var i = 0; i < 100; i++)
        {
            var rating = await client.InviteAndRateAsync(Windows[i % 4], $"scenario:{i}", LevelFor(i), $"staff-{i % 7}");
            if (rating.RectificationCaseId != "") bad.Add(rating);
        }
        Assert.Equal(10, bad.Count); // i % 10 == 9

        // The first bad rating is appealed and upheld; the second runs overdue; the rest are closed on time.
        await StepAsync(client, bad[0], CaseAction.Appeal);
        await StepAsync(client, bad[0], "supervisor", CaseAction.UpholdAppeal);
        foreach (var rating in bad.Skip(2))
            await StepAsync(client, rating, CaseAction.Verify, CaseAction.FixNow, CaseAction.Reply, CaseAction.CallBack);
        _host.Clock.Advance(TimeSpan.FromDays(10));

        var overdue = await client.ListOverdueRectificationsAsync(new ListOverdueRectificationsRequest());
        Assert.Equal([bad[1].RectificationCaseId], overdue.Cases.Select(c => c.CaseId));
        Assert.True(overdue.Cases[0].Overdue);
        // The background watch escalates it, as a step of its history, once it sees the new day.
        Assert.True(await Eventually.TrueAsync(async () =>
            (await client.GetRectificationCaseAsync(new GetRectificationCaseRequest { CaseId = bad[1].RectificationCaseId }))
            .Steps.Any(s => s.Action == CaseAction.Escalate)), "the watch never escalated the overdue case");

        using var http = _host.Rest();
        var published = await http.GetFromJsonAsync<JsonElement>("/api/feedback/v1/statistics?fromDate=2026-11-01&toDate=2026-11-30");
        var windows = published.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(10, windows.Count);

        // bad[0] (i = 9) was in SOCIAL_ASSISTANCE and is voided; bad[1] (i = 19) in FUNERAL_SERVICES is overdue.
        var assistance = windows.Single(w => w.GetProperty("window").GetString() == "SOCIAL_ASSISTANCE");
        Assert.Equal(24, assistance.GetProperty("satisfaction").GetProperty("total").GetInt32());
        Assert.Equal(1, assistance.GetProperty("satisfaction").GetProperty("withdrawnOnAppeal").GetInt32());
        var funeral = windows.Single(w => w.GetProperty("window").GetString() == "FUNERAL_SERVICES");
        var funeralCases = funeral.GetProperty("rectification");
        Assert.Equal(5, funeralCases.GetProperty("opened").GetInt32());
        Assert.Equal(4, funeralCases.GetProperty("closedOnTime").GetInt32());
        Assert.Equal(1, funeralCases.GetProperty("overdue").GetInt32());
        Assert.Equal(0.8, funeralCases.GetProperty("onTimeRate").GetDouble(), 10);

        var total = windows.Sum(w => w.GetProperty("satisfaction").GetProperty("total").GetInt32());
        Assert.Equal(99, total);
        var marriage = await client.GetWindowStatisticsAsync(new GetWindowStatisticsRequest { Window = WindowType.MarriageRegistration });
        Assert.Equal(25, marriage.Satisfaction.Total);
        Assert.Equal(0, marriage.Rectification.Opened);
        Assert.Equal(Math.Round(20.0 / 25, 10), Math.Round(marriage.Satisfaction.SatisfactionRate, 10));
    }

    private static Task StepAsync(V1.Feedback.FeedbackClient client, Rating rating, params CaseAction[] actions) =>
        StepAsync(client, rating, "clerk", actions);

    private static async Task StepAsync(V1.Feedback.FeedbackClient client, Rating rating, string by, params CaseAction[] actions)
    {
        foreach (var action in actions)
            await client.RecordRectificationStepAsync(new RecordRectificationStepRequest
            {
                CaseId = rating.RectificationCaseId, Action = action, HandledBy = by, Note = "done", CitizenSatisfied = true,
            });
    }
}
