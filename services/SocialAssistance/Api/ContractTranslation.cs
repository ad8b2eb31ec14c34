using CivilAffairs.Common.V1;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using Contract = CivilAffairs.SocialAssistance.V1;

namespace CivilAffairs.SocialAssistance.Api;

/// <summary>Proto messages to domain inputs and domain records to proto messages (masked: full numbers never leave).</summary>
internal static class ContractTranslation
{
    public static NewHousehold ToDomain(this Contract.RegisterHouseholdRequest request) => new(
        request.CountyCode, request.Address, request.Members.Select(ToDomain).ToList(), request.FinancialAssetsFen);

    public static HouseholdChangeReport ToDomain(this Contract.ReportHouseholdChangeRequest request) => new(
        request.MonthlyIncomesFen.ToList(), request.FinancialAssetsFen, request.Note, request.MembersLeaving.ToList(),
        request.MembersJoining.Select(ToDomain).ToList(),
        request.MemberUpdates.Select(u => new MemberUpdate(u.MemberIndex, (WorkCapacity)(int)u.WorkCapacity, (HealthCondition)(int)u.Health)).ToList());

    private static NewMember ToDomain(Contract.MemberInput m) => new(m.Name, m.IdNumber, (Relation)(int)m.Relation, m.MonthlyIncomeFen,
        (WorkCapacity)(int)m.WorkCapacity, (HealthCondition)(int)m.Health, (DisabilityKind)(int)m.DisabilityKind, m.DisabilityGrade);

    public static IReadOnlyList<IncomeItem> ToDomain(this IEnumerable<Contract.IncomeItem> items) =>
        items.Select(i => new IncomeItem((IncomeKind)(int)i.Kind, i.MonthlyFen)).ToList();

    public static Contract.LocalStandard ToContract(this LocalStandard standard) => new()
    {
        CountyCode = standard.CountyCode, EffectiveFrom = Dates.Format(standard.EffectiveFrom), MonthlyStandardFen = standard.MonthlyStandardFen,
        AssetLimitPerCapitaFen = standard.AssetLimitPerCapitaFen, PublishedBy = standard.PublishedBy,
    };

    public static NewDibaoApplication ToDomain(this Contract.SubmitDibaoApplicationRequest request) => new(
        request.HouseholdId, (ApplicantKind)(int)request.ApplicantKind, request.ApplicantName, request.Reason);

    public static Contract.Household ToContract(this Household household)
    {
        var message = new Contract.Household
        {
            HouseholdId = household.Id,
            CountyCode = household.CountyCode,
            Address = household.Address,
            TotalMonthlyIncomeFen = household.TotalMonthlyIncomeFen,
            PerCapitaMonthlyIncomeFen = household.PerCapitaMonthlyIncomeFen,
            RegisteredAt = household.RegisteredAt.ToTimestamp(),
            FinancialAssetsFen = household.FinancialAssetsFen,
            Active = household.Active,
            Version = household.Version,
        };
        message.Changes.AddRange(household.Changes.Select(c =>
        {
            var change = new Contract.HouseholdChange
            {
                At = c.At.ToTimestamp(), Note = c.Note, AssetsBeforeFen = c.AssetsBeforeFen, AssetsAfterFen = c.AssetsAfterFen,
            };
            change.IncomesBeforeFen.AddRange(c.IncomesBeforeFen);
            change.IncomesAfterFen.AddRange(c.IncomesAfterFen);
            change.MembersLeft.AddRange(c.MembersLeft.Select(ToMaskedPerson));
            change.MembersJoined.AddRange(c.MembersJoined.Select(ToMaskedPerson));
            return change;
        }));
        message.Members.AddRange(household.Members.Select(m => new Contract.Member
        {
            Person = ContractMapping.ToMaskedPerson(m.Name, m.IdNumber),
            Relation = (Contract.Relation)(int)m.Relation,
            MonthlyIncomeFen = m.MonthlyIncomeFen,
            WorkCapacity = (Contract.WorkCapacity)(int)m.WorkCapacity,
            Health = (Contract.HealthCondition)(int)m.Health,
            DisabilityKind = (Contract.DisabilityKind)(int)m.Disability,
            DisabilityGrade = m.DisabilityGrade,
        }));
        return message;
    }

    public static Contract.DibaoApplication ToContract(this DibaoApplication application, DateOnly today)
    {
        var message = new Contract.DibaoApplication
        {
            ApplicationId = application.Id,
            HouseholdId = application.HouseholdId,
            ApplicantKind = (Contract.ApplicantKind)(int)application.ApplicantKind,
            ApplicantName = application.ApplicantName,
            Status = (Contract.ApplicationStatus)(int)application.Status,
            Reason = application.Reason,
            SubmittedAt = application.SubmittedAt.ToTimestamp(),
            Window = Window.SocialAssistance.ToContract(),
            CaseworkerId = application.CaseworkerId,
            AcceptedOn = Day(application.AcceptedOn),
            OverallDue = Day(application.OverallDue),
            ExtensionReason = application.ExtensionReason,
            HomeVisit = application.HomeVisit is { } visit
                ? new Contract.HomeVisit { VisitedOn = Dates.Format(visit.VisitedOn), Notes = visit.Notes, CaseworkerId = visit.CaseworkerId }
                : null,
            MeansTest = application.MeansTest?.ToContract(),
            CommunityReview = application.CommunityReview is { } review
                ? new Contract.CommunityReview
                {
                    HeldOn = Dates.Format(review.HeldOn), Attendees = review.Attendees, VotesFor = review.VotesFor,
                    VotesAgainst = review.VotesAgainst, Abstentions = review.Abstentions, Passed = review.Passed, RecordedBy = review.RecordedBy,
                }
                : null,
            Posting = application.Posting?.ToContract(),
            ConfirmBy = Day(application.ConfirmBy),
            Refusal = application.Refusal is { } refusal
                ? new Contract.Refusal
                {
                    RefusedOn = Dates.Format(refusal.RefusedOn), Reasons = refusal.Reasons, RefusedBy = refusal.RefusedBy,
                    NotifyBy = Dates.Format(refusal.NotifyBy), NotifiedOn = Day(refusal.NotifiedOn),
                }
                : null,
            ConfirmedOn = Day(application.ConfirmedOn),
            ConfirmedBy = application.ConfirmedBy,
            MonthlyBenefitFen = application.MonthlyBenefitFen,
            BenefitStartMonth = application.BenefitStartMonth is { } month ? Month(month) : "",
            ReviewCategory = (Contract.ReviewCategory)(int)application.ReviewCategory,
            NextReviewDue = Day(application.NextReviewDue),
            CurrentDeadline = Day(application.CurrentDeadline),
            Overdue = application.IsOverdueOn(today),
            Version = application.Version,
            WorkRefusals = application.WorkRefusals,
            GradualExitLastMonth = application.GradualExitLastMonth is { } exit ? Month(exit) : "",
        };
        message.MemberWork.AddRange(application.MemberWork.Select(w => new Contract.MemberWork
        {
            Person = ContractMapping.ToMaskedPerson(w.Name, ResidentIdNumber.Parse(w.IdNumber, "member")),
            ConsecutiveRefusals = w.ConsecutiveRefusals, ShareCut = w.ShareCut, ShareCutOn = Day(w.ShareCutOn),
        }));
        message.Amounts.AddRange(application.Schedule.Select(a => new Contract.MonthlyAmount
        {
            FromMonth = Month(a.FromMonth), AmountFen = a.AmountFen, MonthlyStandardFen = a.MonthlyStandardFen,
            StandardEffectiveFrom = Dates.Format(a.StandardEffectiveFrom),
        }));
        message.Adjustments.AddRange(application.Adjustments.Select(a => new Contract.BenefitAdjustment
        {
            On = Dates.Format(a.On), Kind = a.Kind.Code(), BenefitBeforeFen = a.BenefitBeforeFen,
            BenefitAfterFen = a.BenefitAfterFen, Reasons = a.Reasons, By = a.By, FromMonth = a.FromMonth is { } from ? Month(from) : "",
        }));
        message.History.AddRange(application.History.Select(e => new Contract.CaseEvent
        {
            At = e.At.ToTimestamp(), Action = e.Action, By = e.By, From = (Contract.ApplicationStatus)(int)e.From,
            To = (Contract.ApplicationStatus)(int)e.To, Note = e.Note,
        }));
        return message;
    }

    public static Contract.MeansTest ToContract(this MeansTest test)
    {
        var message = new Contract.MeansTest
        {
            AssessedOn = Dates.Format(test.AssessedOn),
            CountyCode = test.CountyCode,
            StandardEffectiveFrom = Dates.Format(test.StandardEffectiveFrom),
            MonthlyStandardFen = test.MonthlyStandardFen,
            AssetLimitPerCapitaFen = test.AssetLimitPerCapitaFen,
            TotalIncomeFen = test.TotalIncomeFen,
            PerCapitaIncomeFen = test.PerCapitaIncomeFen,
            FinancialAssetsFen = test.FinancialAssetsFen,
            PerCapitaAssetsFen = test.PerCapitaAssetsFen,
            IncomeBelowStandard = test.IncomeBelowStandard,
            AssetsWithinLimit = test.AssetsWithinLimit,
            Eligible = test.Eligible,
            MonthlyBenefitFen = test.MonthlyBenefitFen,
            MemberCount = test.MemberCount,
        };
        message.MemberIncomesFen.AddRange(test.MemberIncomesFen);
        return message;
    }

    private static Contract.Posting ToContract(this PublicPosting posting)
    {
        var message = new Contract.Posting { StartsOn = Dates.Format(posting.StartsOn), EndsOn = Dates.Format(posting.EndsOn) };
        message.Objections.AddRange(posting.Objections.Select(ToContract));
        return message;
    }

    private static Contract.Objection ToContract(Objection o) => new()
    {
        ObjectionId = o.Id, LodgedOn = Dates.Format(o.LodgedOn), Text = o.Text, Resolved = o.Resolved,
        Resolution = o.Resolution, Upheld = o.Upheld, ResolvedBy = o.ResolvedBy, ResolvedOn = Day(o.ResolvedOn),
    };

    public static Contract.SupportCase ToContract(this SupportCase supportCase, DateOnly today)
    {
        var message = new Contract.SupportCase
        {
            CaseId = supportCase.Id,
            HouseholdId = supportCase.HouseholdId,
            Programme = (Contract.Programme)(int)supportCase.Programme,
            Status = (Contract.SupportStatus)(int)supportCase.Status,
            OpenedAt = supportCase.OpenedAt.ToTimestamp(),
            OpenedBy = supportCase.OpenedBy,
            Reason = supportCase.Reason,
            MemberIndex = supportCase.MemberIndex,
            Person = supportCase.PersonIdNumber.Length > 0
                ? ContractMapping.ToMaskedPerson(supportCase.PersonName, ResidentIdNumber.Parse(supportCase.PersonIdNumber, "person"))
                : null,
            CareMode = (Contract.CareMode)(int)supportCase.CareMode,
            Eligibility = supportCase.Eligibility is { } check
                ? new Contract.ExtremePovertyCheck
                {
                    AssessedOn = Dates.Format(check.AssessedOn), Age = check.Age, WorkCapacity = (Contract.WorkCapacity)(int)check.WorkCapacity,
                    MonthlyIncomeFen = check.MonthlyIncomeFen, HasAbleSupporter = check.HasAbleSupporter,
                    Health = (Contract.HealthCondition)(int)check.Health, Elderly = check.Elderly, Child = check.Child, Eligible = check.Eligible,
                    DisabilityKind = (Contract.DisabilityKind)(int)check.Disability, DisabilityGrade = check.DisabilityGrade,
                    ListedDisability = check.ListedDisability, ExcludedIncomeFen = check.ExcludedIncomeFen, LocalStandardFen = check.LocalStandardFen ?? 0,
                    AssetsFen = check.AssetsFen, AssetLimitFen = check.AssetLimitFen, WithoutWorkCapacity = check.WithoutWorkCapacity,
                    WithoutMeansOfLiving = check.WithoutMeansOfLiving, Unmet = { check.Unmet() },
                }
                : null,
            MonthlySupportFen = supportCase.MonthlySupportFen,
            SupportStartMonth = supportCase.SupportStartMonth is { } start ? Month(start) : "",
            AmountFen = supportCase.AmountFen,
            Emergency = supportCase.Emergency,
            PaidOn = Day(supportCase.PaidOn),
            ApprovedBy = supportCase.ApprovedBy,
            PostingStartsOn = Day(supportCase.PostingStartsOn),
            PostingEndsOn = Day(supportCase.PostingEndsOn),
            PaperworkDue = Day(supportCase.PaperworkDue),
            PaperworkCompletedOn = Day(supportCase.PaperworkCompletedOn),
            PaperworkNotes = supportCase.PaperworkNotes,
            PaperworkOverdue = supportCase.PaperworkOverdueOn(today),
            Version = supportCase.Version,
            NextReviewDue = Day(supportCase.NextReviewDue),
            LastReviewedOn = Day(supportCase.LastReviewedOn),
            PaidThroughMonth = supportCase.PaidThroughMonth is { } last ? Month(last) : "",
            EndGround = (Contract.SupportEndGround)(int)supportCase.EndGround,
            EndReasons = supportCase.EndReasons,
            EndedOn = Day(supportCase.EndedOn),
            GroundOccurredOn = Day(supportCase.GroundOccurredOn),
            RefusalReasons = supportCase.RefusalReasons,
            RefusedBy = supportCase.RefusedBy,
            RefusedOn = Day(supportCase.RefusedOn),
            RefusalNotifyBy = Day(supportCase.RefusalNotifyBy),
            RefusalNotifiedOn = Day(supportCase.RefusalNotifiedOn),
            RefusalNoticeOverdue = supportCase.RefusalNoticeOverdueOn(today),
            ReviewDue = supportCase.ReviewDueOn(today),
        };
        message.Objections.AddRange(supportCase.Objections.Select(ToContract));
        message.History.AddRange(supportCase.History.Select(e => new Contract.SupportEvent { At = e.At.ToTimestamp(), Action = e.Action, By = e.By, Note = e.Note }));
        return message;
    }

    private static MaskedPerson ToMaskedPerson(MemberMention member) =>
        new() { MaskedName = Masking.MaskName(member.Name), MaskedIdNumber = member.MaskedIdNumber };

    public static string Day(DateOnly? day) => day is { } value ? Dates.Format(value) : "";

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
