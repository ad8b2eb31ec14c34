using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>
/// What the feedback service reports through its outbox: a bad rating lands on the conduct record as a complaint, the
/// close of its rectification case updates that entry, and a repeated delivery changes nothing.
/// </summary>
public sealed class RatingGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private RecordRatingRequest Rating(string staffId, RatingLevel level, int daysAgo = 0, string? ratingId = null) => new()
    {
        StaffId = staffId, Window = WindowType.MarriageRegistration, Level = level, RatingId = ratingId ?? $"rt-{Guid.NewGuid():N}",
        RatedOn = _host.Date(-daysAgo), RectificationCaseId = level >= RatingLevel.Dissatisfied ? "rc-" + ratingId : "",
    };

    private static RecordRectificationClosedRequest Closed(string staffId, string ratingId, CaseOutcome outcome, bool onTime = true) => new()
    {
        CaseId = "rc-" + ratingId, StaffId = staffId, RatingId = ratingId, OnTime = onTime, Outcome = outcome,
    };

    private Task<ConductRecord> RecordOf(string staffId) => Client.GetConductRecordAsync(new GetConductRecordRequest { StaffId = staffId }).ResponseAsync;

    [Fact]
    public async Task A_bad_rating_lands_on_the_conduct_record_and_a_good_one_does_not()
    {
        var member = await _host.RegisterAsync();
        var bad = await Client.RecordRatingAsync(Rating(member.StaffId, RatingLevel.VeryDissatisfied, 1, "r-bad"));
        var good = await Client.RecordRatingAsync(Rating(member.StaffId, RatingLevel.Satisfied));
        Assert.True(bad.Complaint);
        Assert.False(good.Complaint);

        var record = await RecordOf(member.StaffId);
        Assert.Equal(1, record.Complaints);
        var complaint = Assert.Single(record.ComplaintEntries);
        Assert.Equal(("r-bad", RatingLevel.VeryDissatisfied, "rc-r-bad", WindowType.MarriageRegistration),
            (complaint.RatingId, complaint.Level, complaint.RectificationCaseId, complaint.Window));
        Assert.Null(complaint.Closure);
        Assert.Equal((0, 0), (record.Commendations, record.Violations));
    }

    [Fact]
    public async Task The_same_rating_delivered_five_times_is_one_complaint()
    {
        var member = await _host.RegisterAsync();
        var request = Rating(member.StaffId, RatingLevel.Dissatisfied, ratingId: "r-again");
        var answers = new List<RecordedRating>();
        for (var i = 0; i < 5; i++)
            answers.Add(await Client.RecordRatingAsync(request, new Metadata { { "Idempotency-Key", $"evt-{i}" } }));
        Assert.Single(answers.Select(a => a.RecordedAt).Distinct());
        Assert.Equal(1, (await RecordOf(member.StaffId)).Complaints);

        var other = request.Clone();
        other.Level = RatingLevel.VeryDissatisfied;
        var changed = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRatingAsync(other).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, changed.StatusCode);
        Assert.Equal(["rating_id"], changed.Fields());
    }

    [Fact]
    public async Task The_close_of_a_rectification_updates_the_complaint_once_and_a_voided_rating_stops_counting()
    {
        var member = await _host.RegisterAsync();
        await Client.RecordRatingAsync(Rating(member.StaffId, RatingLevel.Dissatisfied, 3, "r-1"));
        await Client.RecordRatingAsync(Rating(member.StaffId, RatingLevel.VeryDissatisfied, 2, "r-2"));

        var first = await Client.RecordRectificationClosedAsync(Closed(member.StaffId, "r-1", CaseOutcome.Resolved, onTime: false));
        var again = await Client.RecordRectificationClosedAsync(Closed(member.StaffId, "r-1", CaseOutcome.Resolved, onTime: false));
        Assert.Equal(first, again);
        Assert.Equal(_host.Date(0), first.ClosedOn);
        await Client.RecordRectificationClosedAsync(Closed(member.StaffId, "r-2", CaseOutcome.RatingVoided));

        var record = await RecordOf(member.StaffId);
        Assert.Equal(1, record.Complaints);
        var voided = record.ComplaintEntries.Single(c => c.RatingId == "r-2");
        Assert.True(voided.Voided);
        var resolved = record.ComplaintEntries.Single(c => c.RatingId == "r-1");
        Assert.Equal((CaseOutcome.Resolved, false, "rc-r-1"), (resolved.Closure.Outcome, resolved.Closure.OnTime, resolved.Closure.CaseId));

        var otherEnd = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRectificationClosedAsync(Closed(member.StaffId, "r-1", CaseOutcome.Unresolved)).ResponseAsync);
        Assert.Equal(["case_id"], otherEnd.Fields());
    }

    [Fact]
    public async Task A_close_that_arrives_before_its_rating_joins_it_when_the_rating_comes()
    {
        var member = await _host.RegisterAsync();
        await Client.RecordRectificationClosedAsync(Closed(member.StaffId, "r-late", CaseOutcome.Unresolved));
        Assert.Empty((await RecordOf(member.StaffId)).ComplaintEntries);
        await Client.RecordRatingAsync(Rating(member.StaffId, RatingLevel.Dissatisfied, ratingId: "r-late"));
        Assert.Equal(CaseOutcome.Unresolved, Assert.Single((await RecordOf(member.StaffId)).ComplaintEntries).Closure.Outcome);
    }

    [Fact]
    public async Task Reports_that_cannot_be_true_are_refused_and_store_nothing()
    {
        var member = await _host.RegisterAsync();
        var empty = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRatingAsync(new RecordRatingRequest { RatedOn = _host.Date(1) }).ResponseAsync);
        Assert.Equal(["staff_id", "rating_id", "level", "rated_on"], empty.Fields());

        var wrongWindow = Rating(member.StaffId, RatingLevel.Dissatisfied);
        wrongWindow.Window = WindowType.SocialAssistance;
        var elsewhere = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRatingAsync(wrongWindow).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, elsewhere.StatusCode);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRatingAsync(Rating("nobody", RatingLevel.Dissatisfied)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        await Client.RecordRatingAsync(Rating(member.StaffId, RatingLevel.Satisfied, ratingId: "r-good"));
        var notComplaint = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRectificationClosedAsync(Closed(member.StaffId, "r-good", CaseOutcome.Resolved)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, notComplaint.StatusCode);

        var noOutcome = await Assert.ThrowsAsync<RpcException>(() => Client.RecordRectificationClosedAsync(new RecordRectificationClosedRequest { StaffId = member.StaffId }).ResponseAsync);
        Assert.Equal(["case_id", "rating_id", "outcome"], noOutcome.Fields());
        Assert.Empty((await RecordOf(member.StaffId)).ComplaintEntries);
    }

    [Fact]
    public async Task Ratings_and_closes_over_rest()
    {
        var member = await _host.RegisterAsync();
        var http = _host.CreateClient();
        var rated = await http.PostAsJsonAsync($"/api/staff/v1/staff/{member.StaffId}/ratings",
            new { window = "MARRIAGE_REGISTRATION", level = "DISSATISFIED", ratingId = "r-rest", ratedOn = _host.Date(0) });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.True((await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaint").GetBoolean());

        var closed = await http.PostAsJsonAsync($"/api/staff/v1/staff/{member.StaffId}/rectifications/rc-r-rest/closure",
            new { ratingId = "r-rest", onTime = true, outcome = "CASE_OUTCOME_RESOLVED" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var bad = await http.PostAsJsonAsync($"/api/staff/v1/staff/{member.StaffId}/ratings", new { ratingId = "r-x", ratedOn = "2026-13-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("level", body);
        Assert.Contains("rated_on", body);

        var conduct = await http.GetFromJsonAsync<JsonElement>($"/api/staff/v1/staff/{member.StaffId}/conduct");
        Assert.Equal(1, conduct.GetProperty("complaints").GetInt32());
        Assert.Equal("CASE_OUTCOME_RESOLVED", conduct.GetProperty("complaintEntries")[0].GetProperty("closure").GetProperty("outcome").GetString());
    }
}
