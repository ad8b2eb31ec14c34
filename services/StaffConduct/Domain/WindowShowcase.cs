namespace CivilAffairs.StaffConduct.Domain;

/// <summary>The public "three shows" of a window: who serves there, what they do, what they promised.</summary>
public sealed record WindowShowcase(Window Window, DateOnly Day, IReadOnlyList<StaffShowcase> Staff);

public sealed record StaffShowcase(StaffMember Member, IReadOnlyList<Commitment> Commitments);

public sealed class WindowShowcaseQuery(IStaffDirectory directory, ICommitmentBook book, BureauClock clock)
{
    public async Task<WindowShowcase> ShowAsync(Window window, string? officeId, CancellationToken cancellationToken = default)
    {
        if (!window.IsDefined()) throw new ValidationFailed("window", "must be one of the ten window types");
        var office = string.IsNullOrWhiteSpace(officeId) ? null : officeId.Trim();
        var staff = await directory.ListByWindowAsync(window, office, cancellationToken);
        var commitments = await book.ListByStaffAsync(staff.Select(s => s.Id).ToList(), cancellationToken);
        var byStaff = commitments.ToLookup(c => c.StaffId);
        return new WindowShowcase(window, clock.Today,
            staff.Select(s => new StaffShowcase(s, byStaff[s.Id].ToList())).ToList());
    }
}
