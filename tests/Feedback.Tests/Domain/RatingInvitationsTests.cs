using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class RatingInvitationsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInvitationStore _store = new();
    private readonly RatingInvitations _invitations;

    public RatingInvitationsTests() => _invitations = new RatingInvitations(_store, new InMemoryRatingStore(),
        new OfficeClock(_time, OfficeClock.FindZone(null)), new FeedbackRules { InvitationValidFor = TimeSpan.FromHours(48) });

    private static CreateInvitationCommand Command(string reference = "svc-1", string? staff = "staff-1") =>
        new(Window.ChildWelfare, staff, reference, (int)RatingChannel.Web);

    [Fact]
    public async Task An_invitation_expires_after_the_configured_time()
    {
        var invitation = await _invitations.CreateAsync(Command());

        Assert.Equal(_time.GetUtcNow().AddHours(48), invitation.ExpiresAt);
        Assert.Equal(InvitationStatus.Open, (await _invitations.GetAsync(invitation.Id)).Status);
        _time.Advance(TimeSpan.FromHours(48));
        Assert.Equal(InvitationStatus.Expired, (await _invitations.GetAsync(invitation.Id)).Status);
    }

    [Fact]
    public async Task The_same_service_asked_again_with_the_same_details_is_the_same_invitation()
    {
        var first = await _invitations.CreateAsync(Command());
        var again = await _invitations.CreateAsync(Command());

        Assert.Equal(first.Id, again.Id);
        Assert.Single(_store.Rows);
    }

    [Fact]
    public async Task The_same_service_with_other_details_is_already_exists()
    {
        await _invitations.CreateAsync(Command());

        await Assert.ThrowsAsync<AlreadyExists>(() => _invitations.CreateAsync(Command(staff: "staff-2")));
    }

    [Fact]
    public async Task Window_service_and_channel_are_required()
    {
        var error = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _invitations.CreateAsync(new CreateInvitationCommand(Window.Unspecified, null, "", 0)));

        Assert.Equal(["window", "service_reference", "channel"], error.Violations.Select(v => v.Field));
        Assert.Empty(_store.Rows);
    }

    [Fact]
    public async Task An_unknown_invitation_is_not_found()
    {
        await Assert.ThrowsAsync<NotFound>(() => _invitations.GetAsync("inv-unknown"));
    }
}
