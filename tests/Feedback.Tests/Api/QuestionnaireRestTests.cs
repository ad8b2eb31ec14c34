using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Feedback.Tests.Support;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>A satisfaction survey over REST: defined by an administrator, answered by the public, published.</summary>
public sealed class QuestionnaireRestTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private readonly HttpClient _http = host.CreateClient();

    private async Task<string> DefineAsync()
    {
        var response = await _http.PostAsJsonAsync("/api/feedback/v1/questionnaires", new
        {
            title = "社会满意度测评",
            questions = new[] { new { text = "服务态度", scaleMin = 1, scaleMax = 5 }, new { text = "办事效率", scaleMin = 1, scaleMax = 5 } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("questionnaireId").GetString()!;
    }

    private Task<HttpResponseMessage> AnswerAsync(string id, string window, int attitude, int efficiency, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/feedback/v1/questionnaires/{id}/responses")
        {
            Content = JsonContent.Create(new
            {
                window,
                answers = new[] { new { questionNumber = 1, score = attitude }, new { questionNumber = 2, score = efficiency } },
            }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Answers_add_up_to_published_results_per_window()
    {
        var id = await DefineAsync();
        await AnswerAsync(id, "MARRIAGE_REGISTRATION", 5, 4);
        await AnswerAsync(id, "MARRIAGE_REGISTRATION", 4, 2);
        await AnswerAsync(id, "SOCIAL_ASSISTANCE", 1, 1);

        var results = await _http.GetFromJsonAsync<JsonElement>($"/api/feedback/v1/questionnaires/{id}/results?window=MARRIAGE_REGISTRATION");

        Assert.Equal(2, results.GetProperty("responses").GetInt32());
        var attitude = results.GetProperty("questions")[0];
        Assert.Equal("服务态度", attitude.GetProperty("text").GetString());
        Assert.Equal(4.5, attitude.GetProperty("averageScore").GetDouble());
        Assert.Equal(5, attitude.GetProperty("distribution").GetArrayLength());
    }

    [Fact]
    public async Task A_retried_response_is_counted_once()
    {
        var id = await DefineAsync();

        var first = await (await AnswerAsync(id, "ELDERLY_CARE", 5, 4, key: "resp-1")).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await AnswerAsync(id, "ELDERLY_CARE", 5, 4, key: "resp-1")).Content.ReadFromJsonAsync<JsonElement>();
        var results = await _http.GetFromJsonAsync<JsonElement>($"/api/feedback/v1/questionnaires/{id}/results");

        Assert.Equal(first.GetProperty("responseId").GetString(), again.GetProperty("responseId").GetString());
        Assert.Equal(1, results.GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task A_score_off_the_scale_is_400_naming_the_answer()
    {
        var id = await DefineAsync();

        var response = await AnswerAsync(id, "ELDERLY_CARE", 5, 9);

        Assert.Equal(["answers[1].score"], await response.RefusedAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_questionnaire_is_404_and_a_definition_without_questions_is_400()
    {
        var unknown = await AnswerAsync("q-unknown", "ELDERLY_CARE", 5, 5);
        var empty = await _http.PostAsJsonAsync("/api/feedback/v1/questionnaires", new { title = "空" });

        await unknown.RefusedAsync(HttpStatusCode.NotFound);
        Assert.Equal(["questions"], await empty.RefusedAsync(HttpStatusCode.BadRequest));
    }
}
