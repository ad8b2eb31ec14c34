namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// The public "three shows" of a window: who serves there, what they do, what they promised, who is in today, and the
/// party-member designations in force (the window's, and each member's pioneer post).
/// </summary>
public sealed record WindowShowcase(Window Window, DateOnly Day, IReadOnlyList<StaffShowcase> Staff, IReadOnlyList<Designation> WindowDesignations);

public sealed record StaffShowcase(StaffMember Member, IReadOnlyList<Commitment> Commitments, DutyStatus DutyToday, IReadOnlyList<Designation> Designations);

public sealed class WindowShowcaseQuery(IStaffDirectory directory, ICommitmentBook book, DutyBook roster, IDesignationRegister designations, BureauClock clock)
{
    public async Task<WindowShowcase> ShowAsync(Window window, string? officeId, CancellationToken cancellationToken = default)
    {
        if (!window.IsDefined()) throw new ValidationFailed("window", "must be one of the ten window types");
        var office = string.IsNullOrWhiteSpace(officeId) ? null : officeId.Trim();
        var today = clock.Today;
        var staff = await directory.ListByWindowAsync(window, office, cancellationToken);
        var commitments = (await book.ListByStaffAsync(staff.Select(s => s.Id).ToList(), cancellationToken: cancellationToken)).ToLookup(c => c.StaffId);
        var lines = await roster.LinesAsync(staff, today, cancellationToken);
        var inForce = (await designations.ListByWindowAsync(window, includeWithdrawn: false, cancellationToken))
            .Where(d => office is null || d.OfficeId == office).ToList();
        var byStaff = inForce.Where(d => d.Kind == DesignationKind.PioneerPost).ToLookup(d => d.StaffId);
        return new WindowShowcase(window, today,
            lines.Select(l => new StaffShowcase(l.Staff, commitments[l.Staff.Id].ToList(), l.Status, byStaff[l.Staff.Id].ToList())).ToList(),
            inForce.Where(d => d.Kind == DesignationKind.ModelWindow).ToList());
    }
}
