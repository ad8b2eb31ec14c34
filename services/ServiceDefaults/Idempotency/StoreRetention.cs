using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivilAffairs.ServiceDefaults.Idempotency;

/// <summary>Purges what is kept for a while only: idempotency records past their retention, and outbox messages
/// delivered longer ago than the outbox's retention. Records of the archive are never purged.</summary>
public sealed class StoreRetention(IDocumentStore store, IServiceProvider services, IdempotencyOptions options, TimeProvider time,
    ILogger<StoreRetention> logger) : BackgroundService
{
    public async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var records = await store.PurgeAsync(IdempotencyRecords.Collection, DocumentQuery.All.AndBefore("expiresAt", now), cancellationToken);
        long delivered = 0;
        if (services.GetService<IOutboxStore>() is { } outbox)
            delivered = await outbox.PurgeDeliveredAsync(now - services.GetRequiredService<OutboxOptions>().DeliveredRetention, cancellationToken);
        if (records + delivered > 0)
            logger.LogInformation("Purged {Records} idempotency records and {Delivered} delivered outbox messages past their retention", records, delivered);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval, time);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Purging kept records failed; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
