using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

public sealed class RatingGrpcTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly V1.Feedback.FeedbackClient _client = host.Client();

    private static RateServiceRequest Request(string reference, RatingLevel level = RatingLevel.Satisfied,
        WindowType window = WindowType.AdoptionRegistration, string staff = "staff-grpc") => new()
    {
        Window = window,
        StaffId = staff,
        ServiceReference = reference,
        Level = level,
        Comment = "办事很快",
        Channel = Channel.OnSitePad,
    };

    [Fact]
    public async Task A_rating_comes_back_with_an_id_and_the_time_it_was_given()
    {
        var rating = await _client.RateServiceAsync(Request("adoption:case:1"));

        Assert.StartsWith("r-", rating.RatingId);
        Assert.Equal(WindowType.AdoptionRegistration, rating.Window);
        Assert.Equal(RatingLevel.Satisfied, rating.Level);
        Assert.Equal("办事很快", rating.Comment);
        Assert.Equal(host.Clock.GetUtcNow(), rating.RatedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_second_rating_of_the_same_service_is_already_exists()
    {
        await _client.RateServiceAsync(Request("adoption:case:2"));

        var error = await Errors.RefusedAsync(StatusCode.AlreadyExists,
            () => _client.RateServiceAsync(Request("adoption:case:2", RatingLevel.VeryDissatisfied)).ResponseAsync);

        Assert.Contains("already been rated", error.Status.Detail);
    }

    [Fact]
    public async Task Missing_window_level_and_reference_are_named()
    {
        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument,
            () => _client.RateServiceAsync(new RateServiceRequest { Channel = Channel.Web }).ResponseAsync);

        Assert.Equal(["window", "level", "service_reference"], error.Fields());
    }

    [Fact]
    public async Task A_retry_with_the_idempotency_key_header_returns_the_first_rating()
    {
        var headers = new Metadata { { "Idempotency-Key", "grpc-retry-1" } };

        var first = await _client.RateServiceAsync(Request("adoption:case:3"), headers);
        var retry = await _client.RateServiceAsync(Request("adoption:case:3"), headers);

        Assert.Equal(first.RatingId, retry.RatingId);
    }

    [Fact]
    public async Task The_window_summary_lists_all_five_levels_and_the_rate_for_the_period()
    {
        var window = WindowType.VagrantRelief;
        await _client.RateServiceAsync(Request("vagrant:1", RatingLevel.VerySatisfied, window));
        await _client.RateServiceAsync(Request("vagrant:2", RatingLevel.BasicallySatisfied, window));
        await _client.RateServiceAsync(Request("vagrant:3", RatingLevel.Satisfied, window));
        await _client.RateServiceAsync(Request("vagrant:4", RatingLevel.VeryDissatisfied, window));

        // The host's clock stands at 2026-11-02 09:00 in Beijing.
        var summary = await _client.GetSatisfactionSummaryAsync(new GetSatisfactionSummaryRequest
        {
            Window = window, FromDate = "2026-11-02", ToDate = "2026-11-02",
        });
        var before = await _client.GetSatisfactionSummaryAsync(new GetSatisfactionSummaryRequest { Window = window, ToDate = "2026-11-01" });

        Assert.Equal(4, summary.Total);
        Assert.Equal([1, 1, 1, 0, 1], summary.Counts.Select(c => c.Count));
        Assert.Equal(
            [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.BasicallySatisfied, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied],
            summary.Counts.Select(c => c.Level));
        Assert.Equal(0.5, summary.SatisfactionRate);
        Assert.Equal("2026-11-02", summary.FromDate);
        Assert.Equal(0, before.Total);
        Assert.Equal(5, before.Counts.Count);
    }

    [Fact]
    public async Task The_staff_summary_counts_one_staff_member_across_windows()
    {
        await _client.RateServiceAsync(Request("staff:1", RatingLevel.Satisfied, WindowType.ElderlyCare, "staff-77"));
        await _client.RateServiceAsync(Request("staff:2", RatingLevel.Dissatisfied, WindowType.ChildWelfare, "staff-77"));
        await _client.RateServiceAsync(Request("staff:3", RatingLevel.Satisfied, WindowType.ChildWelfare, "staff-78"));

        var summary = await _client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "staff-77" });

        Assert.Equal("staff-77", summary.StaffId);
        Assert.Equal(2, summary.Total);
        Assert.Equal(0.5, summary.SatisfactionRate);
    }

    [Fact]
    public async Task A_summary_needs_a_window_and_dates_that_exist()
    {
        var noWindow = await Errors.RefusedAsync(StatusCode.InvalidArgument,
            () => _client.GetSatisfactionSummaryAsync(new GetSatisfactionSummaryRequest()).ResponseAsync);
        var badDate = await Errors.RefusedAsync(StatusCode.InvalidArgument,
            () => _client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "s", FromDate = "2026-13-01" }).ResponseAsync);
        var noStaff = await Errors.RefusedAsync(StatusCode.InvalidArgument,
            () => _client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest()).ResponseAsync);

        Assert.Equal(["window"], noWindow.Fields());
        Assert.Equal(["from_date"], badDate.Fields());
        Assert.Equal(["staff_id"], noStaff.Fields());
    }
}
