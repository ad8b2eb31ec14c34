using CivilAffairs.Marriage.Domain;

namespace CivilAffairs.Marriage;

/// <summary>
/// Work that happens when days end, whether or not an operator asks: past days are closed (booked couples who never
/// came become no-shows) and divorce applications past day 60 are closed as deemed withdrawn.
/// </summary>
internal sealed class DayEnd(IMarriageCalendarStore calendar, SlotCalendar slots, DivorceByAgreement divorces, OfficeClock clock,
    TimeProvider time, ILogger<DayEnd> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Day-end work failed; it will be tried again in {Minutes} minutes", Every.TotalMinutes);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var (officeId, date) in await calendar.GetUnclosedDaysBeforeAsync(clock.Today, cancellationToken))
        {
            var noShows = await slots.CloseDayAsync(officeId, date, cancellationToken);
            logger.LogInformation("Closed {Office} {Date}: {NoShows} no-shows", officeId, date, noShows);
        }
        var expired = await divorces.CloseExpiredAsync(cancellationToken);
        if (expired > 0) logger.LogInformation("{Count} divorce applications deemed withdrawn after day 60", expired);
    }
}
