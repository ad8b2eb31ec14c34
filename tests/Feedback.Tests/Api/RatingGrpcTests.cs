using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

public sealed class RatingGrpcTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly V1.Feedback.FeedbackClient _client = host.Client();

    [Fact]
    public async Task A_rating_through_an_invitation_comes_back_with_the_invitation_details_and_time()
    {
        var invitation = await _client.InviteAsync(WindowType.AdoptionRegistration, "adoption:case:1", "staff-grpc", Channel.OnSitePad);

        var rating = await _client.RateServiceAsync(new RateServiceRequest
        {
            InvitationId = invitation.InvitationId, Level = RatingLevel.Satisfied, Comment = "办事很快",
        });

        Assert.StartsWith("r-", rating.RatingId);
        Assert.Equal(WindowType.AdoptionRegistration, rating.Window);
        Assert.Equal("staff-grpc", rating.StaffId);
        Assert.Equal(Channel.OnSitePad, rating.Channel);
        Assert.Equal("办事很快", rating.Comment);
        Assert.Equal("", rating.RectificationCaseId);
        Assert.Equal(host.Clock.GetUtcNow(), rating.RatedAt.ToDateTimeOffset());
        var after = await _client.GetInvitationAsync(new GetInvitationRequest { InvitationId = invitation.InvitationId });
        Assert.Equal(InvitationStatus.Rated, after.Status);
    }

    [Fact]
    public async Task A_second_rating_of_the_same_service_is_already_exists()
    {
        var invitation = await _client.InviteAsync(WindowType.AdoptionRegistration, "adoption:case:2");
        await _client.RateServiceAsync(new RateServiceRequest { InvitationId = invitation.InvitationId, Level = RatingLevel.Satisfied });

        var error = await Errors.RefusedAsync(StatusCode.AlreadyExists, () => _client.RateServiceAsync(
            new RateServiceRequest { InvitationId = invitation.InvitationId, Level = RatingLevel.VeryDissatisfied }).ResponseAsync);

        Assert.Contains("already been rated", error.Status.Detail);
    }

    [Fact]
    public async Task A_rating_without_an_invitation_is_refused_naming_it_and_the_level()
    {
        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument, () => _client.RateServiceAsync(new RateServiceRequest
        {
            Window = WindowType.AdoptionRegistration, ServiceReference = "adoption:uninvited",
        }).ResponseAsync);

        Assert.Equal(["invitation_id", "level"], error.Fields());
    }

    [Fact]
    public async Task An_unknown_invitation_is_not_found_and_an_expired_one_is_a_broken_rule()
    {
        await Errors.RefusedAsync(StatusCode.NotFound, () => _client.RateServiceAsync(
            new RateServiceRequest { InvitationId = "inv-none", Level = RatingLevel.Satisfied }).ResponseAsync);

        using var expiring = new FeedbackHost();
        expiring.With("Feedback:Invitations:ValidFor", "01:00:00");
        var client = expiring.Client();
        var invitation = await client.InviteAsync(WindowType.FuneralServices, "funeral:late");
        expiring.Clock.Advance(TimeSpan.FromMinutes(61));

        var error = await Errors.RefusedAsync(StatusCode.FailedPrecondition, () => client.RateServiceAsync(
            new RateServiceRequest { InvitationId = invitation.InvitationId, Level = RatingLevel.Satisfied }).ResponseAsync);
        Assert.Equal("invitation-expired", error.Rule());
        Assert.Equal(InvitationStatus.Expired,
            (await client.GetInvitationAsync(new GetInvitationRequest { InvitationId = invitation.InvitationId })).Status);
    }

    [Fact]
    public async Task An_invitation_needs_window_service_and_channel()
    {
        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument,
            () => _client.CreateInvitationAsync(new CreateInvitationRequest()).ResponseAsync);

        Assert.Equal(["window", "service_reference", "channel"], error.Fields());
    }

    [Fact]
    public async Task A_retry_with_the_idempotency_key_header_returns_the_first_rating()
    {
        var invitation = await _client.InviteAsync(WindowType.AdoptionRegistration, "adoption:case:3");
        var request = new RateServiceRequest { InvitationId = invitation.InvitationId, Level = RatingLevel.Satisfied };
        var headers = new Metadata { { "Idempotency-Key", "grpc-retry-1" } };

        var first = await _client.RateServiceAsync(request, headers);
        var retry = await _client.RateServiceAsync(request, headers);

        Assert.Equal(first.RatingId, retry.RatingId);
    }

    [Fact]
    public async Task The_window_summary_lists_all_five_levels_and_the_rate_for_the_period()
    {
        var window = WindowType.VagrantRelief;
        await _client.InviteAndRateAsync(window, "vagrant:1", RatingLevel.VerySatisfied);
        await _client.InviteAndRateAsync(window, "vagrant:2", RatingLevel.BasicallySatisfied);
        await _client.InviteAndRateAsync(window, "vagrant:3", RatingLevel.Satisfied);
        await _client.InviteAndRateAsync(window, "vagrant:4", RatingLevel.VeryDissatisfied);

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
        await _client.InviteAndRateAsync(WindowType.ElderlyCare, "staff:1", RatingLevel.Satisfied, "staff-77");
        await _client.InviteAndRateAsync(WindowType.ChildWelfare, "staff:2", RatingLevel.Dissatisfied, "staff-77");
        await _client.InviteAndRateAsync(WindowType.ChildWelfare, "staff:3", RatingLevel.Satisfied, "staff-78");

        var summary = await _client.GetStaffSatisfactionAsync(new GetStaffSatisfactionRequest { StaffId = "staff-77" });

        Assert.Equal("staff-77", summary.StaffId);
        Assert.Equal(2, summary.Total);
        Assert.Equal(0.5, summary.SatisfactionRate);
        Assert.Equal(1, summary.Rectification.Opened);
    }

    [Fact]
    public async Task A_window_staff_ranking_puts_the_most_satisfying_first()
    {
        await _client.InviteAndRateAsync(WindowType.SocialOrganizations, "rank:1", RatingLevel.Satisfied, "staff-low");
        await _client.InviteAndRateAsync(WindowType.SocialOrganizations, "rank:2", RatingLevel.Dissatisfied, "staff-low");
        await _client.InviteAndRateAsync(WindowType.SocialOrganizations, "rank:3", RatingLevel.VerySatisfied, "staff-high");

        var ranking = await _client.RankStaffSatisfactionAsync(new RankStaffSatisfactionRequest { Window = WindowType.SocialOrganizations });

        Assert.Equal(["staff-high", "staff-low"], ranking.Staff.Select(s => s.StaffId));
        Assert.Equal([1, 2], ranking.Staff.Select(s => s.Rank));
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
