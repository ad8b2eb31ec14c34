using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Telemetry;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Feedback.Tests.Api;

public sealed class SuggestionTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    private const string Name = "赵子龙";
    private const string Phone = "13912345678";
    private readonly V1.Feedback.FeedbackClient _client = host.Client();

    private async Task<Feedback.Domain.Suggestion?> StoredAsync(string id) =>
        await host.Services.GetRequiredService<ISuggestionStore>().FindAsync(id);

    [Fact]
    public async Task An_anonymous_suggestion_keeps_no_name_or_phone_in_the_store_the_response_the_logs_or_the_spans()
    {
        using var trace = FeedbackHost.StartTrace();
        var response = await _client.DropSuggestionAsync(new DropSuggestionRequest
        {
            Window = WindowType.SocialOrganizations, Category = "办事效率", Text = "材料清单请提前公布",
            Anonymous = true, Name = Name, Phone = Phone,
        });

        var stored = await StoredAsync(response.SuggestionId);
        Assert.NotNull(stored);
        Assert.Null(stored.Suggester);
        Assert.True(response.Anonymous);
        Assert.Equal("", response.MaskedName);
        Assert.DoesNotContain(Name, response.ToString());
        Assert.DoesNotContain(Phone, response.ToString());

        var spans = await host.ServerSpansAsync(trace, "DropSuggestion");
        Assert.NotEmpty(spans);
        Assert.Equal("SOCIAL_ORGANIZATIONS", spans[0].GetTagItem(WindowTelemetry.Key));
        foreach (var span in host.AllSpans())
        {
            Assert.DoesNotContain(Name, span.DisplayName);
            Assert.All(span.TagObjects, tag => Assert.DoesNotContain(Phone, tag.Value?.ToString() ?? ""));
            Assert.All(span.TagObjects, tag => Assert.DoesNotContain(Name, tag.Value?.ToString() ?? ""));
        }
        Assert.DoesNotContain(host.LogLines, line => line.Contains(Name) || line.Contains(Phone));
    }

    [Fact]
    public async Task A_named_suggestion_stores_name_and_phone_returns_the_name_masked_and_never_the_phone()
    {
        using var http = host.CreateClient();
        var response = await http.PostAsJsonAsync("/api/feedback/v1/suggestions", new
        {
            window = "SOCIAL_ORGANIZATIONS", category = "服务态度", text = "窗口人员很耐心", anonymous = false, name = Name, phone = Phone,
        });
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("赵*龙", json.GetProperty("maskedName").GetString());
        Assert.DoesNotContain(Phone, body);
        Assert.DoesNotContain(Name, body);
        var stored = await StoredAsync(json.GetProperty("suggestionId").GetString()!);
        Assert.Equal(new Suggester(Name, Phone), stored!.Suggester);
    }

    [Fact]
    public async Task A_named_suggestion_without_a_name_is_400_naming_it()
    {
        using var http = host.CreateClient();

        var response = await http.PostAsJsonAsync("/api/feedback/v1/suggestions", new { window = "PLACE_NAMES", category = "其他", text = "建议" });

        Assert.Equal(["name"], await response.RefusedAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_retried_suggestion_is_stored_once()
    {
        var request = new DropSuggestionRequest
        {
            Window = WindowType.PlaceNames, Category = "其他", Text = "路牌不清", Anonymous = true, IdempotencyKey = "sugg-1",
        };

        var first = await _client.DropSuggestionAsync(request);
        var retry = await _client.DropSuggestionAsync(request);
        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument,
            () => _client.DropSuggestionAsync(new DropSuggestionRequest(request) { Text = "另一条" }).ResponseAsync);

        Assert.Equal(first.SuggestionId, retry.SuggestionId);
        Assert.Equal(["idempotency_key"], error.Fields());
    }

    [Fact]
    public async Task A_nul_in_a_suggestion_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var request = new DropSuggestionRequest
        {
            Window = WindowType.PlaceNames, Category = "其他", Text = "路牌\u0000错了", Anonymous = true,
        };

        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument, () => _client.DropSuggestionAsync(request).ResponseAsync);

        Assert.Equal(["text"], error.Fields());
        var box = await _client.ListSuggestionsAsync(new ListSuggestionsRequest { Window = WindowType.PlaceNames });
        Assert.DoesNotContain(box.Suggestions, s => s.Text.Contains("错了", StringComparison.Ordinal));
        // A line break is free text's own and passes.
        request.Text = "路牌错了\n请更正";
        Assert.Equal("路牌错了\n请更正", (await _client.DropSuggestionAsync(request)).Text);
    }
}
