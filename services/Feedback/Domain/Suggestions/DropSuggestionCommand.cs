using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record DropSuggestionCommand(
    Window Window,
    string? Category,
    string? Text,
    bool Anonymous,
    string? Name,
    string? Phone)
{
    // A record's generated ToString would print the name and phone; this one never does.
    public override string ToString() => $"DropSuggestionCommand {{ Window = {Window.Code()}, Anonymous = {Anonymous} }}";
}
