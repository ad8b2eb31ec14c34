using System.Net;
using CivilAffairs.Common.V1;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.Feedback.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
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
        foreach (var (name, message) in BoundaryMessages(method.InputType))
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
        var text = await client.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("civilaffairs_store_batches_total{", StringComparison.Ordinal) && l.Contains($"rpc=\"{rpc}\""));
        return line is null ? 0 : double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One message per kind of boundary value, every field of it (and of its nested messages) set that way.</summary>
    private static IEnumerable<(string Name, byte[] Message)> BoundaryMessages(MessageDescriptor type)
    {
        (string Name, Func<FieldDescriptor, object?> Value)[] kinds =
        [
            ("largest numbers", f => f.FieldType switch
            {
                FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.MaxValue,
                FieldType.UInt64 or FieldType.Fixed64 => ulong.MaxValue,
                FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.MaxValue,
                FieldType.UInt32 or FieldType.Fixed32 => uint.MaxValue,
                FieldType.Double => double.MaxValue, FieldType.Float => float.MaxValue,
                _ => null,
            }),
            ("smallest numbers", f => f.FieldType switch
            {
                FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.MinValue,
                FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.MinValue,
                FieldType.Double => double.MinValue, FieldType.Float => float.NegativeInfinity,
                _ => null,
            }),
            ("not a number", f => f.FieldType switch { FieldType.Double => double.NaN, FieldType.Float => float.NaN, _ => null }),
            ("first date", f => f.FieldType == FieldType.String ? "0001-01-01" : null),
            ("last date", f => f.FieldType == FieldType.String ? (f.Name.Contains("month") ? "9999-12" : "9999-12-31") : null),
            ("empty strings", f => f.FieldType == FieldType.String ? "" : null),
            ("a 1 MB string", f => f.FieldType == FieldType.String ? new string('长', 300_000) : null),
            ("control characters", f => f.FieldType == FieldType.String ? "张\u0000\u0007\u001b[2J三" : null),
            ("wrong enum numbers", f => f.FieldType == FieldType.Enum ? 999 : null),
        ];
        foreach (var (name, value) in kinds) yield return (name, Fill(type, value, depth: 0).ToByteArray());
    }

    private static IMessage Fill(MessageDescriptor type, Func<FieldDescriptor, object?> value, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            // Without a key: a keyed refusal is stored as the key's outcome (a write by design).
            if (field.IsMap || field.Name == "idempotency_key") continue;
            object? item = field.FieldType == FieldType.Message
                ? depth < 2 && !field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal) ? Fill(field.MessageType, value, depth + 1) : null
                : value(field);
            if (item is null) continue;
            if (field.FieldType == FieldType.Enum) item = Enum.ToObject(field.EnumType.ClrType, item);
            if (field.IsRepeated) ((System.Collections.IList)field.Accessor.GetValue(message)).Add(item);
            else field.Accessor.SetValue(message, item);
        }
        return message;
    }
}
