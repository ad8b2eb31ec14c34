using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.Gateway.Tests;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>
/// The "Done when" scenario (inherited) through the real gateway on Kestrel, the service on Kestrel on its
/// embedded SQLite store: ratings, rectification steps and the published statistics all go through the gateway.
/// </summary>
public sealed class PublishedResultsThroughGatewayTests() : PublishedResultsScenarioTests(FeedbackHost.ThroughGateway())
{
    [Fact]
    public async Task The_gateway_forwards_a_partners_rating_and_refuses_a_call_without_a_key()
    {
        var rating = await Host.Client().InviteAndRateAsync(WindowType.MarriageRegistration, "gateway:1", RatingLevel.VerySatisfied);

        Assert.NotEqual("", rating.RatingId);
        Assert.Contains(Host.Front!.AuditedCalls("feedback-grpc"), line => line.Contains("status=200"));
        using var anonymous = Host.Front.GrpcAs(apiKey: null);
        var error = await Assert.ThrowsAsync<RpcException>(() => new V1.Feedback.FeedbackClient(anonymous)
            .GetWindowStatisticsAsync(new GetWindowStatisticsRequest { Window = WindowType.MarriageRegistration }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task An_appeal_is_refused_when_the_rated_clerk_reviews_it_and_the_published_figures_keep_the_rating()
    {
        var client = Host.Client();
        var rating = await client.InviteAndRateAsync(WindowType.AdoptionRegistration, "gateway:appeal", RatingLevel.VeryDissatisfied, "clerk-wang");
        await client.RecordRectificationStepAsync(new RecordRectificationStepRequest
        {
            CaseId = rating.RectificationCaseId, Action = CaseAction.Appeal, HandledBy = "chief-zhao", Note = "同一号码十分钟内差评十个窗口",
        });

        var refused = await Errors.RefusedAsync(StatusCode.FailedPrecondition, () => client.RecordRectificationStepAsync(new RecordRectificationStepRequest
        {
            CaseId = rating.RectificationCaseId, Action = CaseAction.UpholdAppeal, HandledBy = "clerk-wang", Note = "恶意差评",
        }).ResponseAsync);
        Assert.Equal("appeal-reviewed-by-another-person", refused.Rule());

        using var anonymous = new HttpClient { BaseAddress = new Uri(Host.Front!.Gateway.HttpUrl) };
        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/feedback/v1/statistics");
        var adoption = published.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("window").GetString() == "ADOPTION_REGISTRATION");
        Assert.Equal(1, adoption.GetProperty("satisfaction").GetProperty("total").GetInt32());

        // Reviewed by someone else, the rating is withdrawn, and the published figures say so.
        await client.RecordRectificationStepAsync(new RecordRectificationStepRequest
        {
            CaseId = rating.RectificationCaseId, Action = CaseAction.UpholdAppeal, HandledBy = "supervisor-sun", Note = "恶意差评，撤销",
        });
        var window = await anonymous.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/ADOPTION_REGISTRATION/satisfaction");
        Assert.False(window.TryGetProperty("total", out var total) && total.GetInt32() != 0);
        Assert.Equal(1, window.GetProperty("withdrawnOnAppeal").GetInt32());
    }

    [Fact]
    public async Task The_anonymous_suggestion_box_masks_phone_numbers_id_numbers_and_names_in_the_text_a_partner_reads_it_whole()
    {
        const string text = "请回电13800138000，或+8613800138000，或138-0013-8000。身份证11010519491231002X。我叫张三丰";
        var dropped = await Host.Client().DropSuggestionAsync(new DropSuggestionRequest
        {
            Window = WindowType.ChildWelfare, Category = "服务态度", Text = text, Name = "张三丰", Phone = "13912345678",
        });
        await Host.Client().ReplyToSuggestionAsync(new ReplyToSuggestionRequest
        {
            SuggestionId = dropped.SuggestionId, Text = "已于当日回电13800138000，张三丰先生表示满意", RepliedBy = "儿童福利窗口",
        });

        using var anonymous = new HttpClient { BaseAddress = new Uri(Host.Front!.Gateway.HttpUrl) };
        using var screen = await anonymous.GetAsync("/display/api/feedback/windows/CHILD_WELFARE/suggestions");
        var shown = await screen.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);
        foreach (var secret in new[] { "13800138000", "8613800138000", "138-0013-8000", "0013", "11010519491231002X", "张三丰", "13912345678" })
            Assert.DoesNotContain(secret, shown);
        var suggestion = JsonDocument.Parse(shown).RootElement.GetProperty("suggestions").EnumerateArray().Single();
        Assert.Equal("请回电138****8000，或+86*******8000，或138******8000。身份证110105********002X。我叫张*丰",
            suggestion.GetProperty("text").GetString());
        Assert.Equal("已于当日回电138****8000，张*丰先生表示满意", suggestion.GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Equal("张*丰", suggestion.GetProperty("maskedName").GetString());

        // The office behind its partner credential reads what the citizen wrote, to call back.
        using var office = Host.Rest();
        var whole = await office.GetFromJsonAsync<JsonElement>("/api/feedback/v1/windows/CHILD_WELFARE/suggestions");
        Assert.Equal(text, whole.GetProperty("suggestions")[0].GetProperty("text").GetString());
    }
}
