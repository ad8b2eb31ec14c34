using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain.Rules;

/// <summary>
/// Refusing suitable work (社会救助暂行办法 art. 45): counted per member and in a row; a job accepted starts the count
/// again. The third consecutive refusal without good reason cuts that member's own share of the benefit (by
/// <c>Assistance:Process:WorkRefusalShareCutPercent</c>, 100 = stopped), with written reasons; the rest of the
/// household keeps its benefit.
/// </summary>
public static class ThreeConsecutiveWorkRefusals
{
    public const int Limit = 3;

    public static DibaoApplication RecordWorkRefusal(this DibaoApplication application, StaffMember clerk, HouseholdMember member,
        int memberIndex, string details, CaseCalendar calendar, IReadOnlyList<LocalStandard> standards, DibaoRules rules)
    {
        application.RequireStatus("record a refused job offer", ApplicationStatus.Active);
        DibaoTransitions.RequireReasons(details);
        var text = details.Trim();
        var record = Of(application, member);
        var count = record.ConsecutiveRefusals + 1;
        var who = $"members[{memberIndex}] {Masking.MaskName(member.Name)}";
        var recorded = application.Record(calendar.Now, "work-refused", clerk.Id, ApplicationStatus.Active, $"{who}, {count} in a row: {text}") with
        {
            MemberWork = With(application, record with { ConsecutiveRefusals = count }),
        };
        if (count < Limit || record.ShareCut) return recorded;

        var cut = recorded with { MemberWork = With(recorded, record with { ConsecutiveRefusals = count, ShareCut = true, ShareCutOn = calendar.Today }) };
        var from = application.ChangeMonth(calendar.Today);
        var before = application.BenefitFor(from);
        var (amounts, after) = cut.Rescheduled(from, application.MeansTest!, standards, cut.MembersCut, rules);
        var reasons = $"{who} refused suitable work {count} times in a row without good reason (last: {text}); " +
                      $"{(rules.WorkRefusalShareCutPercent >= 100 ? "that member's share is stopped" : $"that member's share is cut by {rules.WorkRefusalShareCutPercent}%")}, " +
                      "the other members keep theirs";
        return cut.Adjusted(clerk, AdjustmentKind.Decrease, before, after, reasons, null, calendar, from)
            .Record(calendar.Now, "member-share-cut", clerk.Id, ApplicationStatus.Active, $"{before} -> {after} fen") with
        {
            Amounts = amounts,
            MonthlyBenefitFen = after,
        };
    }

    /// <summary>The member took a suitable job: the count starts again, and a share cut for refusing work is given back.</summary>
    public static DibaoApplication RecordJobAccepted(this DibaoApplication application, StaffMember clerk, HouseholdMember member,
        int memberIndex, string details, CaseCalendar calendar, IReadOnlyList<LocalStandard> standards, DibaoRules rules)
    {
        application.RequireStatus("record an accepted job", ApplicationStatus.Active, ApplicationStatus.Suspended);
        DibaoTransitions.RequireReasons(details);
        var record = Of(application, member);
        var who = $"members[{memberIndex}] {Masking.MaskName(member.Name)}";
        var reset = application.Record(calendar.Now, "job-accepted", clerk.Id, application.Status, $"{who}: {details.Trim()}") with
        {
            MemberWork = With(application, record with { ConsecutiveRefusals = 0, ShareCut = false, ShareCutOn = null }),
        };
        if (!record.ShareCut) return reset;
        var from = application.ChangeMonth(calendar.Today);
        var before = application.BenefitFor(from);
        var (amounts, after) = reset.Rescheduled(from, application.MeansTest!, standards, reset.MembersCut, rules);
        return reset.Adjusted(clerk, AdjustmentKind.Increase, before, after, $"{who} accepted suitable work: that member's share is given back", null, calendar, from) with
        {
            Amounts = amounts,
            MonthlyBenefitFen = after,
        };
    }

    private static MemberWorkRecord Of(DibaoApplication application, HouseholdMember member) =>
        application.MemberWork.FirstOrDefault(w => w.IdNumber == member.IdNumber.Value) ?? new MemberWorkRecord(member.IdNumber.Value, member.Name, 0, false);

    private static IReadOnlyList<MemberWorkRecord> With(DibaoApplication application, MemberWorkRecord record) =>
        [.. application.MemberWork.Where(w => w.IdNumber != record.IdNumber), record];
}
