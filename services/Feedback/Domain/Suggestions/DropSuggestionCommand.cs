using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record DropSuggestionCommand(
    Window Window,
    string? Category,
    string? Text,
    bool Anonymous,
    string? Name,
    string? Phone,
    string? IdempotencyKey = null)
{
    /// <summary>An anonymous suggestion's fingerprint leaves out whatever name or phone came with it.</summary>
    public string Fingerprint() => Anonymous
        ? Domain.Fingerprint.Of("suggest", (int)Window, Category, Text, true)
        : Domain.Fingerprint.Of("suggest", (int)Window, Category, Text, false, Name, Phone);

    // A record's generated ToString would print the name and phone; this one never does.
    public override string ToString() => $"DropSuggestionCommand {{ Window = {Window.Code()}, Anonymous = {Anonymous} }}";
}
