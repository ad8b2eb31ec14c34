namespace CivilAffairs.StaffConduct.Domain;

/// <summary>
/// What other services report (ratings, closes of cases, cases handled, case times) carries the sender's own id and
/// arrives at least once. The id is the record's natural key: the same report again, however late (after any
/// idempotency record has expired), is answered with the first record and changes nothing; other content under the
/// same id is refused, naming the id's field.
/// </summary>
public static class ReportedOnce
{
    public static async Task<T> RecordAsync<T>(T report, Func<Task<T?>> stored, Func<Task<bool>> add, Func<T, T, bool> same, string idField)
        where T : class
    {
        var earlier = await stored();
        if (earlier is null)
        {
            if (await add()) return report;
            earlier = await stored() ?? throw new InvalidOperationException($"a report was refused as a repeat but none is stored under its {idField}");
        }
        return same(earlier, report)
            ? earlier
            : throw new ValidationFailed(idField, "was already reported with other content; a new report needs a new id");
    }
}
