using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record RecordMeetingCommand(
    string? Title,
    string? HeldOn,
    IReadOnlyList<(string? Name, string? Role)> Attendees,
    IReadOnlyList<(Window Window, double Score)> Scores,
    string? Minutes)
{
    public override string ToString() => $"RecordMeetingCommand {{ Title = {Title}, HeldOn = {HeldOn}, Attendees = {Attendees.Count} }}";
}
