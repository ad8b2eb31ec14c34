using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class SuggestionBoxTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemorySuggestionStore _store = new();
    private readonly SuggestionBox _box;

    public SuggestionBoxTests() =>
        _box = new SuggestionBox(_store, new OfficeClock(_time, OfficeClock.FindZone(null)), new FeedbackRules());

    private Task<Suggestion> DropAsync(string text = "好", Window window = Window.ElderlyCare) =>
        _box.DropAsync(new DropSuggestionCommand(window, "其他", text, true, null, null));

    [Fact]
    public async Task An_anonymous_suggestion_drops_the_name_and_phone_it_came_with()
    {
        var suggestion = await _box.DropAsync(new DropSuggestionCommand(Window.ElderlyCare, "服务态度", "希望多开一个窗口", true, "王小明", "13812345678"));

        Assert.Null(suggestion.Suggester);
        Assert.Null(_store.Rows.Single().Suggester);
        Assert.DoesNotContain("王小明", _store.Rows.Single().ToString());
        Assert.DoesNotContain("13812345678", _store.Rows.Single().ToString());
    }

    [Fact]
    public async Task A_named_suggestion_keeps_the_name_and_phone_and_shows_the_name_masked()
    {
        var suggestion = await _box.DropAsync(new DropSuggestionCommand(Window.ElderlyCare, "其他", "好", false, "王小明", "13812345678"));

        Assert.Equal(new Suggester("王小明", "13812345678"), suggestion.Suggester);
        Assert.Equal("王*明", suggestion.Suggester!.MaskedName);
        Assert.Equal("王*明", suggestion.Suggester.ToString());
    }

    [Fact]
    public async Task A_named_suggestion_needs_a_name_and_a_phone_that_looks_like_one()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _box.DropAsync(new DropSuggestionCommand(Window.ElderlyCare, "其他", "好", false, " ", "call me")));

        Assert.Equal(["name", "phone"], error.Violations.Select(v => v.Field));
        Assert.DoesNotContain("call me", error.Message);
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task Window_category_and_text_are_required()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _box.DropAsync(new DropSuggestionCommand(Window.Unspecified, "", null, true, null, null)));

        Assert.Equal(["window", "category", "text"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_command_never_prints_the_name_or_phone()
    {
        var command = new DropSuggestionCommand(Window.ElderlyCare, "其他", "好", false, "王小明", "13812345678");

        Assert.DoesNotContain("王小明", command.ToString());
        Assert.DoesNotContain("13812345678", command.ToString());
    }

    [Fact]
    public async Task A_category_outside_the_configured_list_is_refused_naming_the_choices()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _box.DropAsync(new DropSuggestionCommand(Window.ElderlyCare, "闲聊", "好", true, null, null)));

        Assert.Equal("category", error.Violations.Single().Field);
        Assert.Contains("服务态度", error.Message);
    }

    [Fact]
    public async Task Replies_are_appended_in_order_and_keep_who_replied()
    {
        var dropped = await DropAsync();

        await _box.ReplyAsync(dropped.Id, "已收到", "clerk-1");
        var replied = await _box.ReplyAsync(dropped.Id, "已加开窗口", "chief-2");

        Assert.Equal(["已收到", "已加开窗口"], replied.Replies.Select(r => r.Text));
        Assert.Equal(["clerk-1", "chief-2"], replied.Replies.Select(r => r.By));
        Assert.Equal(3, replied.Version);
    }

    [Fact]
    public async Task A_hidden_suggestion_is_kept_with_its_reason_and_takes_no_more_replies()
    {
        var dropped = await DropAsync("广告内容");

        var hidden = await _box.HideAsync(dropped.Id, "广告，与服务无关", "moderator-1");
        var error = await Assert.ThrowsAsync<RuleViolated>(() => _box.ReplyAsync(dropped.Id, "谢谢", "clerk-1"));

        Assert.True(hidden.Hidden);
        Assert.Equal("广告，与服务无关", hidden.Hiding!.Text);
        Assert.Equal("广告内容", _store.Rows.Single().Text);
        Assert.Equal("suggestion-hidden", error.Rule);
    }

    [Fact]
    public async Task A_reply_needs_text_and_who_replied_and_an_unknown_suggestion_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _box.ReplyAsync("s-1", " ", null));
        await Assert.ThrowsAsync<NotFound>(() => _box.ReplyAsync("s-unknown", "谢谢", "clerk-1"));

        Assert.Equal(["text", "replied_by"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task The_box_pages_newest_first_with_a_token_and_refuses_a_forged_token()
    {
        for (var i = 0; i < 5; i++)
        {
            await DropAsync($"第{i}条");
            _time.Advance(TimeSpan.FromMinutes(1));
        }
        await DropAsync("另一个窗口", Window.PlaceNames);

        var first = await _box.ListAsync(Window.ElderlyCare, 2, null);
        var second = await _box.ListAsync(Window.ElderlyCare, 2, first.NextToken);
        var last = await _box.ListAsync(Window.ElderlyCare, 2, second.NextToken);
        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _box.ListAsync(Window.ElderlyCare, 2, "not-a-token"));
        var badCategory = await Assert.ThrowsAsync<ValidationFailed>(() => _box.ListAsync(Window.ElderlyCare, 2, null, "闲聊"));

        Assert.Equal(["第4条", "第3条"], first.Page.Select(s => s.Text));
        Assert.Equal(["第2条", "第1条"], second.Page.Select(s => s.Text));
        Assert.Equal(["第0条"], last.Page.Select(s => s.Text));
        Assert.Null(last.NextToken);
        Assert.Equal("page.page_token", error.Violations.Single().Field);
        Assert.Equal("category", badCategory.Violations.Single().Field);
    }
}
