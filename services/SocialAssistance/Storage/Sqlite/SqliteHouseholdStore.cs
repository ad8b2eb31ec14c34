using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SocialAssistance.Domain;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

/// <summary>
/// Households as documents, and <c>household_members</c>: who is (or was) a member of which household, so "a person
/// belongs to one active household" is one indexed lookup. Writes are serialised, so a check and the writes after it
/// see and change the same state.
/// </summary>
internal sealed class SqliteHouseholdStore(SqliteDatabase database) : IHouseholdStore
{
    public Task<Household?> GetAsync(string id) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT doc FROM households WHERE id = $id", r => DocumentJson.Deserialize<Household>(r.GetString(0)),
            null, ("$id", id)));

    public Task<MembershipConflict?> AddAsync(Household household, IdempotencyClaim? claim) =>
        database.WriteAsync<MembershipConflict?>(async (connection, transaction) =>
        {
            if (await FindConflictAsync(connection, transaction, household) is { } conflict) return conflict;
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, household.Id);
            await connection.ExecuteAsync(
                "INSERT INTO households (id, county_code, active, version, registered_at, doc) VALUES ($id, $county, $active, $version, $at, $doc)",
                transaction, ("$id", household.Id), ("$county", household.CountyCode), ("$active", household.Active ? 1 : 0),
                ("$version", household.Version), ("$at", household.RegisteredAt.ToString("O")), ("$doc", DocumentJson.Serialize(household)));
            await WriteMembershipAsync(connection, transaction, household);
            return null;
        });

    public Task<HouseholdUpdate> UpdateAsync(Household household, int expectedVersion, IdempotencyClaim? claim) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await connection.QuerySingleOrDefaultAsync("SELECT version FROM households WHERE id = $id",
                r => r.GetInt32(0), transaction, ("$id", household.Id));
            if (version != expectedVersion) return HouseholdUpdate.Stale;
            if (await FindConflictAsync(connection, transaction, household) is { } conflict) return new HouseholdUpdate(false, conflict);
            await connection.ExecuteAsync(
                "UPDATE households SET doc = $doc, version = $version, active = $active WHERE id = $id",
                transaction, ("$id", household.Id), ("$doc", DocumentJson.Serialize(household)), ("$version", household.Version),
                ("$active", household.Active ? 1 : 0));
            await WriteMembershipAsync(connection, transaction, household);
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, household.Id);
            return HouseholdUpdate.Done;
        });

    /// <summary>The first member who is active in another household.</summary>
    private static async Task<MembershipConflict?> FindConflictAsync(SqliteConnection connection, SqliteTransaction transaction, Household household)
    {
        if (!household.Active) return null;
        for (var i = 0; i < household.Members.Count; i++)
        {
            var taken = await connection.QuerySingleOrDefaultAsync(
                "SELECT 1 FROM household_members WHERE id_number = $id AND active = 1 AND household_id <> $household", r => true, transaction,
                ("$id", household.Members[i].IdNumber.Value), ("$household", household.Id));
            if (taken) return new MembershipConflict(i);
        }
        return null;
    }

    /// <summary>Members now: active; former members: kept, inactive.</summary>
    private static async Task WriteMembershipAsync(SqliteConnection connection, SqliteTransaction transaction, Household household)
    {
        await connection.ExecuteAsync("UPDATE household_members SET active = 0 WHERE household_id = $household", transaction,
            ("$household", household.Id));
        foreach (var member in household.Members)
            await connection.ExecuteAsync(
                """
                INSERT INTO household_members (household_id, id_number, active) VALUES ($household, $id, $active)
                ON CONFLICT (household_id, id_number) DO UPDATE SET active = excluded.active
                """,
                transaction, ("$household", household.Id), ("$id", member.IdNumber.Value), ("$active", household.Active ? 1 : 0));
    }
}
