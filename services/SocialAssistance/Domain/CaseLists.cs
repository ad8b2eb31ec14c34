using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A case past its deadline, and by how many working days.</summary>
public sealed record OverdueCase(DibaoApplication Application, DateOnly DueOn, int WorkingDaysOverdue);

/// <summary>A line of the public posting list: the household's head and benefit, masked by the Api.</summary>
public sealed record PostingLine(DibaoApplication Application, HouseholdMember Head, int MemberCount, long MonthlyBenefitFen, PublicPosting Posting);

/// <summary>The lists supervisors and the public read.</summary>
public sealed class CaseLists(IApplicationStore applications, IHouseholdStore households, CaseCalendar calendar)
{
    private static readonly ApplicationStatus[] WithDeadlines =
    [
        ApplicationStatus.Accepted, ApplicationStatus.Investigating, ApplicationStatus.CommunityReview,
        ApplicationStatus.Posted, ApplicationStatus.Refused,
    ];

    /// <summary>Cases whose current deadline (in working days) has passed, the longest overdue first.</summary>
    public async Task<IReadOnlyList<OverdueCase>> OverdueAsync()
    {
        var today = calendar.Today;
        return (await applications.ListByStatusAsync(WithDeadlines))
            .Where(a => a.IsOverdueOn(today))
            .Select(a => new OverdueCase(a, a.CurrentDeadline!.Value, calendar.WorkingDays.WorkingDaysBetween(a.CurrentDeadline.Value, today)))
            .OrderBy(o => o.DueOn)
            .ToList();
    }

    /// <summary>The cases of a county posted today.</summary>
    public async Task<IReadOnlyList<PostingLine>> PostingsAsync(string? countyCode)
    {
        var county = countyCode?.Trim() ?? "";
        if (county.Length != 6 || !county.All(char.IsAsciiDigit))
            throw new ValidationFailed("county_code", "must be the 6-digit administrative division code");
        var today = calendar.Today;
        var lines = new List<PostingLine>();
        foreach (var application in await applications.ListByStatusAsync([ApplicationStatus.Posted]))
        {
            if (application.Posting is not { } posting || !posting.IsOpenOn(today)) continue;
            var household = await households.GetAsync(application.HouseholdId);
            if (household is null || household.CountyCode != county) continue;
            lines.Add(new PostingLine(application, household.Head, household.Members.Count, application.MeansTest!.MonthlyBenefitFen, posting));
        }
        return lines;
    }
}
