using System.Text.RegularExpressions;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Dropping suggestions in a window's box, named or anonymous.</summary>
public sealed partial class SuggestionBox(ISuggestionStore store, OfficeClock clock, FeedbackRules rules)
{
    public const int MaxCategoryLength = 30;
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 50;
    public const int MaxReplyLength = 2000;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<Suggestion> GetAsync(string? suggestionId, CancellationToken cancellationToken = default)
    {
        var id = TextRules.Clean(suggestionId) ?? throw new ValidationFailed("suggestion_id", "is required");
        return await store.FindAsync(id, cancellationToken) ?? throw new NotFound("suggestion", id);
    }

    /// <summary>A page of a window's box, newest first, and the token of the next page (null at the end).</summary>
    public async Task<(IReadOnlyList<Suggestion> Page, string? NextToken)> ListAsync(Window window, int pageSize, string? pageToken,
        string? category = null, CancellationToken cancellationToken = default)
    {
        category = TextRules.Clean(category);
        new Validator()
            .Require(window.IsDefined(), "window", "must be one of the ten window types")
            .Require(category is null || rules.SuggestionCategories.Contains(category), "category",
                $"must be one of: {string.Join(", ", rules.SuggestionCategories)}")
            .Require(pageSize is >= 0 and <= MaxPageSize, "page.page_size", $"must be between 1 and {MaxPageSize}")
            .ThrowIfInvalid();
        var after = PageToken.Parse(pageToken, "page.page_token");
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var rows = await store.ListAsync(window, category, size + 1, after, cancellationToken);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? PageToken.Of(new SuggestionCursor(page[^1].SubmittedAt, page[^1].Id)) : null;
        return (page, next);
    }

    /// <summary>A public reply from the window.</summary>
    public Task<Suggestion> ReplyAsync(string? suggestionId, string? text, string? by, CancellationToken cancellationToken = default)
    {
        new Validator().RequireText(text, "text", MaxReplyLength).RequireText(by, "replied_by", Ratings.MaxStaffIdLength).ThrowIfInvalid();
        return AppendAsync(suggestionId, SuggestionEntryKind.Reply, text!, by!, cancellationToken);
    }

    /// <summary>Hides a suggestion from the public box, with the reason on record; it is never deleted.</summary>
    public Task<Suggestion> HideAsync(string? suggestionId, string? reason, string? by, CancellationToken cancellationToken = default)
    {
        new Validator().RequireText(reason, "reason", MaxReplyLength).RequireText(by, "moderated_by", Ratings.MaxStaffIdLength).ThrowIfInvalid();
        return AppendAsync(suggestionId, SuggestionEntryKind.Hide, reason!, by!, cancellationToken);
    }

    private async Task<Suggestion> AppendAsync(string? suggestionId, SuggestionEntryKind kind, string text, string by,
        CancellationToken cancellationToken)
    {
        var suggestion = await GetAsync(suggestionId, cancellationToken);
        var (updated, _) = suggestion.With(kind, text.Trim(), by.Trim(), clock.Now);
        if (!await store.AppendAsync(updated, suggestion.Version, cancellationToken))
            throw new RuleViolated("suggestion-changed", $"suggestion {suggestion.Id} was changed by someone else; read it again and retry");
        return updated;
    }

    public async Task<Suggestion> DropAsync(DropSuggestionCommand command, CancellationToken cancellationToken = default)
    {
        Validate(command);
        var suggestion = new Suggestion(
            Id: "s-" + Guid.CreateVersion7().ToString("N"),
            Window: command.Window,
            Category: command.Category!.Trim(),
            Text: command.Text!.Trim(),
            // Anonymous means anonymous: whatever name or phone came along is dropped here, before anything keeps it.
            Suggester: command.Anonymous ? null : new Suggester(command.Name!.Trim(), TextRules.Clean(command.Phone)),
            SubmittedAt: clock.Now);
        await store.AddAsync(suggestion, cancellationToken);
        return suggestion;
    }

    private void Validate(DropSuggestionCommand command)
    {
        var validator = new Validator()
            .Require(command.Window.IsDefined(), "window", "must be one of the ten window types")
            .RequireText(command.Category, "category", MaxCategoryLength)
            .Require(string.IsNullOrWhiteSpace(command.Category) || rules.SuggestionCategories.Contains(command.Category.Trim()), "category",
                $"must be one of: {string.Join(", ", rules.SuggestionCategories)}")
            .RequireText(command.Text, "text", MaxTextLength);
        if (!command.Anonymous)
        {
            validator.RequireText(command.Name, "name", MaxNameLength);
            if (TextRules.Clean(command.Phone) is { } phone && !LooksLikePhone(phone))
                validator.Add("phone", "must be a phone number: digits, optionally with +, - or spaces (7 to 20 digits)");
        }
        validator.ThrowIfInvalid();
    }

    public static bool LooksLikePhone(string phone) => PhonePattern().IsMatch(phone);

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,22}[0-9]$")]
    private static partial Regex PhonePattern();
}
