using CivilAffairs.Feedback.Domain;

namespace CivilAffairs.Feedback.Api;

/// <summary>
/// Looks at the overdue list every <c>Feedback:Rectification:OverdueCheckInterval</c> (default 5 minutes): escalates
/// the cases newly past their deadline (a step in their history) and publishes the counts per window as a metric.
/// </summary>
internal sealed class OverdueWatch(Rectifications rectifications, FeedbackMetrics metrics, TimeProvider time, IConfiguration configuration,
    ILogger<OverdueWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Feedback:Rectification:OverdueCheckInterval", TimeSpan.FromMinutes(5));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var overdue = await rectifications.EscalateOverdueAsync(stoppingToken);
                metrics.OverdueNow(overdue);
                if (overdue.Count > 0) logger.LogInformation("{Count} rectification cases are overdue", overdue.Count);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The store may not be ready yet or may be briefly away; the next tick tries again.
                logger.LogWarning(error, "Could not read the overdue rectification cases");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
