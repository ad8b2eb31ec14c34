using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>A case past its deadline, and by how many working days.</summary>
public sealed record OverdueCase(DibaoApplication Application, DateOnly DueOn, int WorkingDaysOverdue);

/// <summary>
/// A line of the public posting list: the programme, the household's head (masked by the Api), the monthly dibao
/// benefit or the one-off temporary amount, and the posting period.
/// </summary>
public sealed record PostingLine(string CaseId, Programme Programme, HouseholdMember Head, int MemberCount, long MonthlyBenefitFen,
    long AmountFen, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>The lists supervisors and the public read.</summary>
public sealed class CaseLists(IApplicationStore applications, ISupportCaseStore supportCases, IHouseholdStore households, CaseCalendar calendar)
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

    /// <summary>The dibao cases and temporary assistance of a county posted today.</summary>
    public async Task<IReadOnlyList<PostingLine>> PostingsAsync(string? countyCode)
    {
        var county = countyCode?.Trim() ?? "";
        if (county.Length != 6 || !county.All(char.IsAsciiDigit))
            throw new ValidationFailed("county_code", "must be the 6-digit administrative division code");
        var today = calendar.Today;
        var lines = new List<PostingLine>();
        foreach (var a in await applications.ListByStatusAsync([ApplicationStatus.Posted]))
        {
            if (a.Posting is not { } posting || !posting.IsOpenOn(today) || await InCountyAsync(a.HouseholdId, county) is not { } h) continue;
            lines.Add(new PostingLine(a.Id, Programme.Dibao, h.Head, h.Members.Count, a.MeansTest!.MonthlyBenefitFen, 0, posting.StartsOn, posting.EndsOn));
        }
        foreach (var c in await supportCases.ListByStatusAsync([SupportStatus.Posted]))
        {
            if (!(c.PostingStartsOn <= today && today <= c.PostingEndsOn) || await InCountyAsync(c.HouseholdId, county) is not { } h) continue;
            lines.Add(new PostingLine(c.Id, Programme.Temporary, h.Head, h.Members.Count, 0, c.AmountFen, c.PostingStartsOn!.Value, c.PostingEndsOn!.Value));
        }
        return lines;
    }

    private async Task<Household?> InCountyAsync(string householdId, string county) =>
        await households.GetAsync(householdId) is { } household && household.CountyCode == county ? household : null;
}
