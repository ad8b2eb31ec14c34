namespace CivilAffairs.StaffConduct.Domain;

/// <summary>A staff member's status for one day, as recorded at <see cref="RecordedAt"/>; the latest record of a day counts.</summary>
public sealed record DutyRecord(string StaffId, DateOnly Date, DutyStatus Status, string Note, DateTimeOffset RecordedAt, Window Window);
