namespace CivilAffairs.StaffConduct.Domain;

/// <summary>On-duty status by day: who is at the window, on leave, out or in training.</summary>
public sealed class DutyBook(StaffRegistry registry, IStaffDirectory directory, IDutyLog log, BureauClock clock)
{
    /// <summary>How far from today a status may be recorded: planned leave ahead, corrections behind.</summary>
    public const int MaxDaysAway = 366;

    public async Task<DutyRecord> SetAsync(string? staffId, string? date, DutyStatus status, string? note, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var id = Text.RequireId(staffId, "staff_id", v);
        var day = Text.Date(date, "date", v);
        if (day != default)
            v.Require(Math.Abs(day.DayNumber - clock.Today.DayNumber) <= MaxDaysAway, "date", $"must be within {MaxDaysAway} days of today");
        v.Require(Enum.IsDefined(status) && status != DutyStatus.Unrecorded, "status", "must be one of ON_DUTY, ON_LEAVE, OUT, TRAINING, OFF");
        var cleanNote = Text.Optional(note, "note", Text.MaxLine, v);
        v.ThrowIfInvalid();

        var member = await registry.GetAsync(id, cancellationToken);
        var record = new DutyRecord(id, day, status, cleanNote, clock.Now, member.Profile.Window);
        await log.AddAsync(record, cancellationToken);
        return record;
    }

    /// <summary>A window's staff with their status on <paramref name="day"/> (Unrecorded when nobody said).</summary>
    public async Task<IReadOnlyList<RosterLine>> RosterAsync(Window window, DateOnly day, string? officeId, CancellationToken cancellationToken = default)
    {
        if (!window.IsDefined()) throw new ValidationFailed("window", "must be one of the ten window types");
        var staff = await directory.ListByWindowAsync(window, string.IsNullOrWhiteSpace(officeId) ? null : officeId.Trim(), cancellationToken);
        return await LinesAsync(staff, day, cancellationToken);
    }

    public async Task<IReadOnlyList<RosterLine>> LinesAsync(IReadOnlyList<StaffMember> staff, DateOnly day, CancellationToken cancellationToken = default)
    {
        var records = (await log.ListForDayAsync(staff.Select(s => s.Id).ToList(), day, cancellationToken)).ToDictionary(r => r.StaffId);
        return staff.Select(s => records.TryGetValue(s.Id, out var r)
            ? new RosterLine(s, r.Status, r.Note)
            : new RosterLine(s, DutyStatus.Unrecorded, "")).ToList();
    }
}

public sealed record RosterLine(StaffMember Staff, DutyStatus Status, string Note);
