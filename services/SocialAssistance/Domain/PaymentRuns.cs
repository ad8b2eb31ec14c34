using System.Globalization;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>
/// The monthly payment run: every active dibao case and extreme-poverty case whose benefit has started is paid for the
/// month exactly once, at the amount its schedule gives for that month; running the month again pays nobody twice.
/// Suspended and closed cases are not paid (extreme-poverty support stopped or suspended is paid to its last month).
/// </summary>
public sealed class PaymentRuns(IApplicationStore applications, ISupportCaseStore supportCases, IPaymentStore payments,
    HouseholdRegistry registry, CaseCalendar calendar)
{
    public async Task<PaymentRun> RunAsync(string? monthText)
    {
        var month = ParseMonth(monthText, "month");
        var today = calendar.Today;
        if (month > new DateOnly(today.Year, today.Month, 1))
            throw new RuleViolated("month-not-started", $"{Format(month)} has not started; a month is paid once it has begun");
        var runId = Ids.New("run");
        var now = calendar.Now;
        var due = (await applications.ListByStatusAsync([ApplicationStatus.Active]))
            .Select(a => (Case: a, Amount: a.BenefitFor(month)))
            .Where(x => x.Amount > 0)
            .Select(x => new Payment
            {
                Id = Ids.New("pay"), HouseholdId = x.Case.HouseholdId, CaseId = x.Case.Id, Programme = Programme.Dibao, Month = month,
                AmountFen = x.Amount, PaidAt = now, Source = runId,
            })
            .ToList();
        // Extreme poverty is per person; the household's people are paid together, once a month.
        due.AddRange((await supportCases.ListByStatusAsync([SupportStatus.Active, SupportStatus.Suspended, SupportStatus.Stopped]))
            .Where(c => c.Programme == Programme.ExtremePoverty && c.PaysFor(month))
            .GroupBy(c => c.HouseholdId)
            .Select(g => new Payment
            {
                Id = Ids.New("pay"), HouseholdId = g.Key, CaseId = string.Join(",", g.Select(c => c.Id)), Programme = Programme.ExtremePoverty,
                Month = month, AmountFen = g.Sum(c => c.MonthlySupportFen), PaidAt = now, Source = runId,
            }));
        return await payments.RecordRunAsync(new PaymentRun(runId, month, now, 0, 0, 0), due);
    }

    public async Task<IReadOnlyList<Payment>> LedgerAsync(string? householdId)
    {
        var household = await registry.GetAsync(householdId);
        return await payments.ListByHouseholdAsync(household.Id);
    }

    public static DateOnly ParseMonth(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailed(field, "is required (YYYY-MM)");
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            throw new ValidationFailed(field, "must be a month written YYYY-MM");
        return month;
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
