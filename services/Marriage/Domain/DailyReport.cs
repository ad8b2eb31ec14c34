namespace CivilAffairs.Marriage.Domain;

/// <summary>A day's figures at an office: what came, what was done, how long couples waited.</summary>
public sealed record DailyStatistics(
    string OfficeId,
    DateOnly Date,
    int Appointments,
    int CheckIns,
    int WalkIns,
    int Registrations,
    int DivorceApplications,
    int Divorces,
    int Reissues,
    int NoShows,
    double MedianWaitMinutes,
    double P90WaitMinutes,
    IReadOnlyDictionary<int, int> ServedPerWindow);

public sealed class DailyReport(IAppointmentStore appointments, IHallStore hall, IMarriageArchive archive)
{
    public async Task<DailyStatistics> ForAsync(string officeId, DateOnly date, CancellationToken cancellationToken)
    {
        var booked = await appointments.CountDayAsync(officeId, date, cancellationToken);
        var tickets = await hall.GetTicketsAsync(officeId, date, cancellationToken);
        var entries = await archive.CountEntriesAsync(officeId, date, cancellationToken);
        var done = tickets.Where(t => t.Status == TicketStatus.Done).ToList();
        var waits = done.Select(t => t.Wait!.Value.TotalMinutes).Order().ToList();
        return new DailyStatistics(
            officeId, date,
            Appointments: booked.Where(b => b.Key != AppointmentStatus.Cancelled).Sum(b => b.Value),
            CheckIns: tickets.Count,
            WalkIns: tickets.Count(t => t.Kind == TicketKind.WalkIn),
            Registrations: Count(entries, ArchiveActions.Registered),
            DivorceApplications: Count(entries, ArchiveActions.DivorceAccepted),
            Divorces: Count(entries, ArchiveActions.Divorced),
            Reissues: Count(entries, ArchiveActions.Reissued),
            NoShows: booked.GetValueOrDefault(AppointmentStatus.NoShow),
            MedianWaitMinutes: Percentile(waits, 0.5),
            P90WaitMinutes: Percentile(waits, 0.9),
            ServedPerWindow: done.GroupBy(t => t.WindowNumber ?? 0).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Linear interpolation between closest ranks; 0 for no values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        var position = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return Math.Round(sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower), 2);
    }

    private static int Count(IReadOnlyDictionary<string, int> entries, string action) => entries.TryGetValue(action, out var n) ? n : 0;
}
