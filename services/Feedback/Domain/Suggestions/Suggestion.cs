using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>A note in a window's suggestion box (征求意见箱). <see cref="Suggester"/> is null when it is anonymous:
/// then no name or phone exists anywhere, not in the store, not in a response, not in telemetry. Replies and
/// moderation are appended as <see cref="Entries"/>.</summary>
public sealed record Suggestion(
    string Id,
    Window Window,
    string Category,
    string Text,
    Suggester? Suggester,
    DateTimeOffset SubmittedAt)
{
    public bool Anonymous => Suggester is null;

    public IReadOnlyList<SuggestionEntry> Entries { get; init; } = [];

    /// <summary>Bumped by every entry; an entry is saved only on the version it was made from.</summary>
    public int Version => Entries.Count + 1;

    public SuggestionEntry? Hiding => Entries.LastOrDefault(e => e.Kind == SuggestionEntryKind.Hide);

    public bool Hidden => Hiding is not null;

    public IEnumerable<SuggestionEntry> Replies => Entries.Where(e => e.Kind == SuggestionEntryKind.Reply);

    // Records compare lists by reference; two suggestions are equal when their entries are.
    public bool Equals(Suggestion? other) =>
        other is not null && Id == other.Id && Window == other.Window && Category == other.Category && Text == other.Text
        && Suggester == other.Suggester && SubmittedAt == other.SubmittedAt && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => HashCode.Combine(Id, Entries.Count);

    /// <summary>The suggestion with one more entry, or a refusal when the box's rules forbid it.</summary>
    public (Suggestion Updated, SuggestionEntry Entry) With(SuggestionEntryKind kind, string text, string by, DateTimeOffset at)
    {
        if (Hidden)
            throw new RuleViolated("suggestion-hidden", $"suggestion {Id} was hidden ({Hiding!.Text}); it takes no more replies or moderation");
        var entry = new SuggestionEntry(Entries.Count + 1, kind, text, by, at);
        return (this with { Entries = [.. Entries, entry] }, entry);
    }
}
