using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record RecordMeetingCommand(
    string? Title,
    string? HeldOn,
    IReadOnlyList<(string? Name, string? Role)> Attendees,
    IReadOnlyList<(Window Window, double Score)> Scores,
    string? Minutes,
    string? IdempotencyKey = null)
{
    public string Fingerprint() => Domain.Fingerprint.Of("meeting", Title, HeldOn,
        string.Join('\u001e', Attendees.Select(a => $"{a.Name}\u001d{a.Role}")),
        string.Join('\u001e', Scores.Select(s => $"{(int)s.Window}\u001d{s.Score}")), Minutes);

    public override string ToString() => $"RecordMeetingCommand {{ Title = {Title}, HeldOn = {HeldOn}, Attendees = {Attendees.Count} }}";
}
