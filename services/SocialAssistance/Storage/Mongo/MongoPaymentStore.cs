using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CivilAffairs.SocialAssistance.Storage.Mongo;

internal sealed class MongoPaymentStore(MongoCollections collections) : IPaymentStore
{
    public async Task<PaymentRun> RecordRunAsync(PaymentRun run, IReadOnlyList<Payment> payments, IdempotencyClaim? claim)
    {
        using var session = await collections.Client.StartSessionAsync();
        return await session.WithTransactionAsync(async (s, token) =>
        {
            // A duplicate key would abort the transaction, so the payments already made are looked up and left out;
            // the unique index still refuses a concurrent run's duplicate (that run fails and is retried).
            var fresh = new List<Payment>();
            foreach (var group in payments.GroupBy(p => (p.Programme, p.Month)))
            {
                var filter = MongoFilters.PaymentsFor(Code(group.Key.Programme), Dates.Format(group.Key.Month), group.Select(p => p.HouseholdId));
                var paid = (await collections.Payments.Find(s, filter).Project(Builders<BsonDocument>.Projection.Include("householdId")).ToListAsync(token))
                    .Select(d => d["householdId"].AsString).ToHashSet();
                fresh.AddRange(group.Where(p => !paid.Contains(p.HouseholdId)));
            }
            if (fresh.Count > 0)
                await collections.Payments.InsertManyAsync(s, fresh.Select(p => MongoCollections.ToDocument(p, p.Id)), cancellationToken: token);
            var stored = run with { PaidCount = fresh.Count, AlreadyPaidCount = payments.Count - fresh.Count, TotalPaidFen = fresh.Sum(p => p.AmountFen) };
            await collections.PaymentRuns.InsertOneAsync(s, MongoCollections.ToDocument(stored, stored.Id), cancellationToken: token);
            await MongoIdempotencyStore.ClaimAsync(collections, s, claim, stored.Id, token);
            return stored;
        });
    }

    public async Task<bool> RecordAsync(Payment payment)
    {
        try
        {
            await collections.Payments.InsertOneAsync(MongoCollections.ToDocument(payment, payment.Id));
            return true;
        }
        catch (MongoWriteException error) when (MongoCollections.IsDuplicateKey(error))
        {
            return false;
        }
    }

    /// <summary>Within a transaction: pays, or says the household was already paid for the programme that month.</summary>
    internal static async Task<bool> TryPayAsync(MongoCollections collections, IClientSessionHandle session, Payment payment, CancellationToken token)
    {
        var filter = MongoFilters.PaymentsFor(Code(payment.Programme), Dates.Format(payment.Month), [payment.HouseholdId]);
        if (await collections.Payments.Find(session, filter).AnyAsync(token)) return false;
        await collections.Payments.InsertOneAsync(session, MongoCollections.ToDocument(payment, payment.Id), cancellationToken: token);
        return true;
    }

    public async Task<PaymentRun?> GetRunAsync(string runId)
    {
        var document = await collections.PaymentRuns.Find(MongoFilters.ById(runId)).FirstOrDefaultAsync();
        return document is null ? null : MongoCollections.FromDocument<PaymentRun>(document);
    }

    public async Task<IReadOnlyList<Payment>> ListByHouseholdAsync(string householdId)
    {
        var documents = await collections.Payments.Find(MongoFilters.PaymentsOfHousehold(householdId))
            .Sort(Builders<BsonDocument>.Sort.Ascending("month").Ascending("programme")).ToListAsync();
        return documents.Select(MongoCollections.FromDocument<Payment>).ToList();
    }

    /// <summary>The programme as stored in documents (the same spelling the JSON of a payment uses).</summary>
    internal static string Code(Programme programme) => DocumentJson.Serialize(programme).Trim('"');
}
