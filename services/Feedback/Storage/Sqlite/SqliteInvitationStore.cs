using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Storage;
using CivilAffairs.SharedKernel;
using Microsoft.Data.Sqlite;

namespace CivilAffairs.Feedback.Storage.Sqlite;

internal sealed class SqliteInvitationStore(SqliteDatabase database) : IInvitationStore
{
    private const string Columns =
        "invitation_id, window, staff_id, service_reference, channel, created_at, expires_at, idempotency_key, fingerprint";

    public Task<AddOutcome> AddAsync(Invitation invitation, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.InsertAsync(transaction,
            $"INSERT INTO invitations ({Columns}) VALUES ($id, $window, $staff, $reference, $channel, $created, $expires, $key, $fingerprint)",
            "idempotency_key",
            ("$id", invitation.Id), ("$window", (int)invitation.Window), ("$staff", invitation.StaffId),
            ("$reference", invitation.ServiceReference), ("$channel", (int)invitation.Channel),
            ("$created", SqliteValues.Instant(invitation.CreatedAt)), ("$expires", SqliteValues.Instant(invitation.ExpiresAt)),
            ("$key", invitation.Idempotency?.Key), ("$fingerprint", invitation.Idempotency?.Fingerprint)), cancellationToken);

    public Task<Invitation?> FindAsync(string invitationId, CancellationToken cancellationToken = default) =>
        FindWhereAsync("invitation_id", invitationId);

    public Task<Invitation?> FindByServiceReferenceAsync(string serviceReference, CancellationToken cancellationToken = default) =>
        FindWhereAsync("service_reference", serviceReference);

    public Task<Invitation?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken = default) =>
        FindWhereAsync("idempotency_key", key);

    private Task<Invitation?> FindWhereAsync(string column, string value) =>
        database.ReadAsync(connection => connection.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM invitations WHERE {column} = $value", Read, null, ("$value", value)));

    private static Invitation Read(SqliteDataReader r) => new(
        Id: r.GetString(0),
        Window: (Window)r.GetInt32(1),
        StaffId: r.GetNullableString(2),
        ServiceReference: r.GetString(3),
        Channel: (RatingChannel)r.GetInt32(4),
        CreatedAt: r.ReadInstant(5),
        ExpiresAt: r.ReadInstant(6),
        Idempotency: r.IsDBNull(7) ? null : new Idempotency(r.GetString(7), r.GetString(8)));
}
