using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SocialAssistance.Domain;

namespace CivilAffairs.SocialAssistance.Storage.Sqlite;

internal sealed class SqliteHouseholdStore(SqliteDatabase database) : IHouseholdStore
{
    public Task<Household?> GetAsync(string id) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            "SELECT doc FROM households WHERE id = $id", r => DocumentJson.Deserialize<Household>(r.GetString(0)),
            null, ("$id", id)));

    public Task<MembershipConflict?> AddAsync(Household household, IdempotencyClaim? claim) =>
        database.WriteAsync<MembershipConflict?>(async (connection, transaction) =>
        {
            // Writes are serialised, so this check and the inserts below see and change the same state.
            for (var i = 0; i < household.Members.Count; i++)
            {
                var taken = await connection.QuerySingleOrDefaultAsync(
                    "SELECT 1 FROM household_members WHERE id_number = $id AND active = 1", r => true, transaction,
                    ("$id", household.Members[i].IdNumber.Value));
                if (taken) return new MembershipConflict(i);
            }
            await SqliteIdempotencyStore.ClaimAsync(connection, transaction, claim, household.Id);
            await connection.ExecuteAsync(
                "INSERT INTO households (id, county_code, active, version, registered_at, doc) VALUES ($id, $county, $active, $version, $at, $doc)",
                transaction, ("$id", household.Id), ("$county", household.CountyCode), ("$active", household.Active ? 1 : 0),
                ("$version", household.Version), ("$at", household.RegisteredAt.ToString("O")), ("$doc", DocumentJson.Serialize(household)));
            for (var i = 0; i < household.Members.Count; i++)
                await connection.ExecuteAsync(
                    "INSERT INTO household_members (household_id, member_index, id_number, active) VALUES ($household, $index, $id, $active)",
                    transaction, ("$household", household.Id), ("$index", i), ("$id", household.Members[i].IdNumber.Value),
                    ("$active", household.Active ? 1 : 0));
            return null;
        });
}
