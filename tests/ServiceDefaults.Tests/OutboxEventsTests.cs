using System.Diagnostics;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Outbox;
using CivilAffairs.SharedKernel;
using Microsoft.Extensions.Time.Testing;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>The producers' shared part of the outbox: building an event from a consumer's request, and the write it rides on.</summary>
public sealed class OutboxEventsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 12, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_event_carries_the_request_as_sent_the_window_the_moment_and_the_current_trace()
    {
        var request = new CreateInvitationRequest { StaffId = "staff-1", ServiceReference = "marriage:registration:1" };
        using var trace = new Activity("producer").SetIdFormat(ActivityIdFormat.W3C).Start();

        var message = OutboxEvents.Message(_time, "evt-1", "m-1", "feedback", "/civilaffairs.feedback.v1.Feedback/CreateInvitation",
            Window.MarriageRegistration, request);

        Assert.Equal(("evt-1", "m-1", "feedback", Window.MarriageRegistration), (message.EventId, message.AggregateId, message.Target, message.Window));
        Assert.Equal(request, CreateInvitationRequest.Parser.ParseFrom(message.Payload));
        Assert.Equal((trace.Id, _time.GetUtcNow()), (message.TraceParent, message.CreatedAt));
    }

    [Fact]
    public void Event_ids_are_new_each_time_and_sort_in_the_order_they_were_made()
    {
        var first = OutboxEvents.NewEventId(_time);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        var second = OutboxEvents.NewEventId(_time);

        Assert.StartsWith("evt_", first, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} should sort before {second}");
    }

    [Fact]
    public async Task The_write_after_which_the_relay_wakes_keeps_its_result_and_its_failure()
    {
        var signal = new OutboxSignal();
        OutboxMessage[] events = [OutboxEvents.Message(_time, "evt-2", "m-2", "feedback", "/x.Y/Z", Window.MarriageRegistration, new CreateInvitationRequest())];

        Assert.Equal(42, await signal.AfterAsync(events, Task.FromResult(42)));
        Assert.False(await signal.AfterAsync([], Task.FromResult(false)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => signal.AfterAsync(events, Task.FromException<int>(new InvalidOperationException("rolled back"))));
    }
}
