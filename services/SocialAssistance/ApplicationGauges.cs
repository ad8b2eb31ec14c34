using CivilAffairs.ServiceDefaults.Metrics;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance;

/// <summary>
/// Counts the dibao applications by state, and the overdue ones, every minute for operators' gauges
/// (<c>civilaffairs.applications</c>, <c>civilaffairs.applications.overdue</c>, window SOCIAL_ASSISTANCE).
/// </summary>
internal sealed class ApplicationGauges(IApplicationStore applications, CaseLists lists, PlatformMetrics metrics, TimeProvider time,
    ILogger<ApplicationGauges> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private static readonly ApplicationStatus[] States = Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Unspecified).ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await CountAsync();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Counting applications for the gauges failed; trying again in a minute");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task CountAsync()
    {
        var byState = (await applications.ListByStatusAsync(States)).GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        foreach (var state in States)
            metrics.ApplicationsInState(Window.SocialAssistance, state.Code(), byState.GetValueOrDefault(state));
        metrics.OverdueApplications(Window.SocialAssistance, (await lists.OverdueAsync()).Count);
    }
}
