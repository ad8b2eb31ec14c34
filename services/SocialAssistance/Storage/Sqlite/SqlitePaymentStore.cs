using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using CivilAffairs.SocialAssistance.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

internal sealed class SqlitePaymentStore(SqliteDatabase database) : IPaymentStore
{
    public Task<PaymentRun> RecordRunAsync(PaymentRun run, IReadOnlyList<Payment> payments, IdempotencyClaim? claim) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var paid = 0;
            var total = 0L;
            foreach (var payment in payments)
            {
                if (await InsertAsync(connection, transaction, payment) == 0) continue;
                paid++;
                total += payment.AmountFen;
            }
            var stored = run with { PaidCount = paid, AlreadyPaidCount = payments.Count - paid, TotalPaidFen = total };
            await connection.ExecuteAsync(
                """
                INSERT INTO payment_runs (id, month, ran_at, paid_count, already_paid_count, total_paid_fen)
                VALUES ($id, $month, $at, $paid, $already, $total)
                """,
                transaction, ("$id", stored.Id), ("$month", Dates.Format(stored.Month)), ("$at", stored.RanAt.ToString("O")),
                ("$paid", stored.PaidCount), ("$already", stored.AlreadyPaidCount), ("$total", stored.TotalPaidFen));
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, stored.Id);
            return stored;
        });

    public Task<bool> RecordAsync(Payment payment) =>
        database.WriteAsync(async (connection, transaction) => await InsertAsync(connection, transaction, payment) == 1);

    public Task<PaymentRun?> GetRunAsync(string runId) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT id, month, ran_at, paid_count, already_paid_count, total_paid_fen FROM payment_runs WHERE id = $id",
            r => new PaymentRun(r.GetString(0), Dates.ParseDate(r.GetString(1), "month"), DateTimeOffset.Parse(r.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                r.GetInt32(3), r.GetInt32(4), r.GetInt64(5)),
            null, ("$id", runId)));

    public Task<IReadOnlyList<Payment>> ListByHouseholdAsync(string householdId) =>
        database.ReadAsync<IReadOnlyList<Payment>>(async connection => await connection.QueryAsync(
            """
            SELECT id, household_id, case_id, programme, month, amount_fen, paid_at, source FROM payments
            WHERE household_id = $household ORDER BY month, programme
            """,
            r => new Payment
            {
                Id = r.GetString(0), HouseholdId = r.GetString(1), CaseId = r.GetString(2),
                Programme = Enum.Parse<Programme>(r.GetString(3)), Month = Dates.ParseDate(r.GetString(4), "month"),
                AmountFen = r.GetInt64(5), PaidAt = DateTimeOffset.Parse(r.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
                Source = r.GetString(7),
            },
            null, ("$household", householdId)));

    internal static async Task<bool> AlreadyPaidAsync(SqliteConnection connection, SqliteTransaction transaction, Payment payment) =>
        await connection.QuerySingleOrDefaultAsync(
            "SELECT 1 FROM payments WHERE household_id = $household AND programme = $programme AND month = $month", r => true, transaction,
            ("$household", payment.HouseholdId), ("$programme", payment.Programme.ToString()), ("$month", Dates.Format(payment.Month)));

    /// <summary>1 when paid now, 0 when the household already had this programme's payment for the month.</summary>
    internal static Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, Payment payment) =>
        connection.ExecuteAsync(
            """
            INSERT INTO payments (id, household_id, case_id, programme, month, amount_fen, paid_at, source)
            VALUES ($id, $household, $case, $programme, $month, $amount, $at, $source)
            ON CONFLICT (household_id, programme, month) DO NOTHING
            """,
            transaction, ("$id", payment.Id), ("$household", payment.HouseholdId), ("$case", payment.CaseId),
            ("$programme", payment.Programme.ToString()), ("$month", Dates.Format(payment.Month)), ("$amount", payment.AmountFen),
            ("$at", payment.PaidAt.ToString("O")), ("$source", payment.Source));
}
