using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class SuggestionBoxTests
{
    private readonly InMemorySuggestionStore _store = new();
    private readonly SuggestionBox _box;

    public SuggestionBoxTests() => _box = new SuggestionBox(_store, new OfficeClock(new FakeTimeProvider(), OfficeClock.FindZone(null)));

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
}
