using System.Diagnostics;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using CivilAffairs.ServiceDefaults.Telemetry;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>Feedback serves all ten windows: each call's spans carry the window it concerned, even when the request
/// named only an invitation or a case.</summary>
public sealed class WindowTagTests : IDisposable
{
    private readonly FeedbackHost _host = new();
    private readonly V1.Feedback.FeedbackClient _client;

    public WindowTagTests() => _client = _host.Client();

    public void Dispose() => _host.Dispose();

    private async Task<string?> WindowOfSpanAsync(Activity trace, string rpc)
    {
        // The server's span; the test's own client span is not the service's to tag.
        var spans = await _host.ServerSpansAsync(trace, rpc);
        Assert.NotEmpty(spans);
        return spans[^1].GetTagItem(WindowTelemetry.Key) as string;
    }

    [Fact]
    public async Task A_rating_sent_with_only_its_invitation_is_tagged_with_the_invitation_window()
    {
        using var trace = FeedbackHost.StartTrace();

        await _client.InviteAndRateAsync(WindowType.DisabilityWelfare, "tag:1", RatingLevel.Satisfied);

        Assert.Equal("DISABILITY_WELFARE", await WindowOfSpanAsync(trace, "RateService"));
    }

    [Fact]
    public async Task A_case_step_is_tagged_with_the_case_window()
    {
        using var trace = FeedbackHost.StartTrace();
        var rating = await _client.InviteAndRateAsync(WindowType.VagrantRelief, "tag:2", RatingLevel.Dissatisfied);

        await _client.RecordRectificationStepAsync(new RecordRectificationStepRequest
        {
            CaseId = rating.RectificationCaseId, Action = CaseAction.Verify, HandledBy = "clerk", Note = "核实",
        });

        Assert.Equal("VAGRANT_RELIEF", await WindowOfSpanAsync(trace, "RecordRectificationStep"));
    }
}
