using System.Net;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using CivilAffairs.TestSupport;
using Grpc.Core;

namespace CivilAffairs.Feedback.Tests.Api;

/// <summary>Runs alone: the store's write counter is one per process, so another test's writes would show here.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "feedback alone";
}

/// <summary>
/// Every feedback RPC, walked from its descriptor as the platform's hostile-input test walks them, sent boundary values
/// in every field (nested messages too): int32/int64 extremes, doubles at their ends, dates 0001-01-01 and 9999-12-31,
/// empty and 1 MB strings, control characters, wrong enum numbers. Never UNKNOWN or INTERNAL, and a refused call writes
/// nothing (the store's batches per RPC, on the management port's /metrics, read before and after).
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class BoundaryValuesTests(FeedbackHost host) : IClassFixture<FeedbackHost>
{
    public static TheoryData<string> Rpcs() => new(V1.Feedback.Descriptor.Methods.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Every_feedback_rpc_refuses_boundary_values_plainly_and_writes_nothing_when_refused(string rpc)
    {
        var method = V1.Feedback.Descriptor.FindMethodByName(rpc);
        var bytes = Marshallers.Create(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, bytes, bytes);
        var path = $"/{method.Service.FullName}/{method.Name}";
        using var channel = host.Channel();
        var failures = new List<string>();
        foreach (var (name, message) in BoundaryValues.Messages(method.InputType))
        {
            var before = await BatchesAsync(path);
            StatusCode status;
            string detail;
            try
            {
                await channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), message).ResponseAsync;
                (status, detail) = (StatusCode.OK, "");
            }
            catch (RpcException error)
            {
                (status, detail) = (error.StatusCode, error.Status.Detail);
            }
            if (status is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss or StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                failures.Add($"{name}: {status} {detail}");
            else if (status != StatusCode.OK && await BatchesAsync(path) != before)
                failures.Add($"{name}: refused ({status} {detail}) but wrote to the store");
        }
        Assert.True(failures.Count == 0, $"{rpc}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory]
    [InlineData("9999-12-01", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-31")]
    [InlineData("9999-12", "9999-12")]
    [InlineData("2026-13-01", "2026-13-31")]
    [InlineData("2026-00-01", "2026-01-32")]
    public async Task A_satisfaction_trend_for_a_month_that_is_not_the_bureaus_is_invalid_naming_both_fields(string from, string to)
    {
        var request = new GetSatisfactionTrendRequest { Window = WindowType.MarriageRegistration, FromDate = from, ToDate = to };

        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument, () => host.Client().GetSatisfactionTrendAsync(request).ResponseAsync);

        Assert.Equal(["from_date", "to_date"], error.Fields());
    }

    [Fact]
    public async Task Over_rest_a_trend_for_december_9999_is_400_naming_the_fields_and_december_2099_still_answers()
    {
        using var http = host.CreateClient();

        var refused = await http.GetAsync("/api/feedback/v1/satisfaction-trend?window=MARRIAGE_REGISTRATION&fromDate=9999-12-01&toDate=9999-12-31");
        var last = await http.GetAsync("/api/feedback/v1/satisfaction-trend?window=MARRIAGE_REGISTRATION&fromDate=2099-12-01&toDate=2099-12-31");

        Assert.Equal(["from_date", "to_date"], await refused.RefusedAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("\"2099-12\"", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_meeting_dated_in_year_one_is_refused_naming_held_on()
    {
        var request = new RecordAppraisalMeetingRequest
        {
            Title = "民主评议大会", HeldOn = "0001-01-01", Minutes = "纪要",
            Attendees = { new MeetingAttendee { Name = "李四", Role = "群众代表" } },
            Scores = { new MeetingScore { Window = WindowType.MarriageRegistration, Score = 90 } },
        };

        var error = await Errors.RefusedAsync(StatusCode.InvalidArgument, () => host.Client().RecordAppraisalMeetingAsync(request).ResponseAsync);

        Assert.Equal(["held_on"], error.Fields());
    }

    [Fact]
    public async Task The_write_counter_these_tests_read_counts_an_accepted_write()
    {
        const string path = "/civilaffairs.feedback.v1.Feedback/DropSuggestion";
        var before = await BatchesAsync(path);

        await host.Client().DropSuggestionAsync(new DropSuggestionRequest
        {
            Window = WindowType.FuneralServices, Category = "其他", Text = "停车位太少", Anonymous = true,
        });

        Assert.Equal(before + 1, await BatchesAsync(path));
    }

    /// <summary>The batches <paramref name="rpc"/> has committed so far, from the host's Prometheus scrape.</summary>
    private async Task<double> BatchesAsync(string rpc)
    {
        using var client = host.CreateManagementClient();
        return BoundaryValues.StoreBatches(await client.GetStringAsync("/metrics"), rpc);
    }
}
