namespace CivilAffairs.Feedback.Domain;

/// <summary>What happened to a suggestion after it was dropped: a public reply, or hiding it (with the reason).
/// Entries are appended, never changed; a hidden suggestion stays in the box.</summary>
public sealed record SuggestionEntry(int Number, SuggestionEntryKind Kind, string Text, string By, DateTimeOffset At);

public enum SuggestionEntryKind
{
    Reply = 1,
    Hide = 2,
}
