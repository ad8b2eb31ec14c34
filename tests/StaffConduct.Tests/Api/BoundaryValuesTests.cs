using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>
/// Every RPC of the staff-conduct contract, walked from its descriptor: a request that would otherwise go through (real
/// staff, commitment, designation, contest and catalogue item; dates of today), with ONE field at a time set to a
/// boundary value (dates 0001-01-01 and 9999-12-31, months 0001-01 and 9999-12, int32 and double extremes, NaN and
/// infinities, negative numbers, unknown enum numbers). Never a server error: a plain refusal (INVALID_ARGUMENT naming
/// the field, NOT_FOUND, FAILED_PRECONDITION) or an answer.
/// </summary>
public sealed class BoundaryValuesTests : IDisposable
{
    private readonly StaffHost _host = new();

    public void Dispose() => _host.Dispose();

    private sealed record Existing(string StaffId, string CommitmentId, string DesignationId, string ContestId);

    private async Task<Existing> ExistingAsync()
    {
        var client = _host.Client;
        var member = await _host.RegisterAsync();
        var commitment = await client.PublishCommitmentAsync(new PublishCommitmentRequest { StaffId = member.StaffId, Text = "十分钟办结", Deadline = _host.Date(5) });
        var designation = await client.GrantDesignationAsync(new GrantDesignationRequest
        {
            Kind = DesignationKind.PartyMemberModelWindow, Window = WindowType.MarriageRegistration, OfficeId = "office-1",
            GrantedOn = _host.Date(0), Reason = "群众满意度高", GrantedBy = "局党组",
        });
        var contest = await client.CreateContestAsync(new CreateContestRequest
        {
            Title = "技能比武", Window = WindowType.MarriageRegistration, HeldOn = _host.Date(0), MaxScore = 100,
        });
        return new Existing(member.StaffId, commitment.CommitmentId, designation.DesignationId, contest.ContestId);
    }

    private static bool IsDate(FieldDescriptor f) => f.FieldType == FieldType.String &&
        (f.Name.EndsWith("_on", StringComparison.Ordinal) || f.Name.Contains("date") || f.Name is "deadline" or "effective_from");

    private static bool IsMonth(FieldDescriptor f) => f.FieldType == FieldType.String && f.Name == "month";

    private static IEnumerable<(string Name, object Value)> BoundaryValues(FieldDescriptor f)
    {
        if (IsDate(f)) return [("0001-01-01", "0001-01-01"), ("9999-12-31", "9999-12-31")];
        if (IsMonth(f)) return [("0001-01", "0001-01"), ("9999-12", "9999-12")];
        return f.FieldType switch
        {
            FieldType.Int32 => [("int32 max", int.MaxValue), ("int32 min", int.MinValue), ("-1", -1)],
            FieldType.Int64 => [("int64 max", long.MaxValue), ("int64 min", long.MinValue), ("-1", -1L)],
            FieldType.Double => [("double max", double.MaxValue), ("double min", double.MinValue), ("NaN", double.NaN),
                ("+infinity", double.PositiveInfinity), ("-infinity", double.NegativeInfinity), ("-1", -1.0)],
            FieldType.Enum => [("enum 999", 999), ("enum -1", -1)],
            _ => [],
        };
    }

    /// <summary>What a field holds in a request that would go through.</summary>
    private object? Plausible(FieldDescriptor f, Existing e) => f.Name switch
    {
        "idempotency_key" => null,
        "staff_id" => e.StaffId,
        "commitment_id" => e.CommitmentId,
        "designation_id" => e.DesignationId,
        "contest_id" => e.ContestId,
        "item_id" => "MR-01",
        "rule_id" => "T-01",
        "rating_id" or "case_id" or "event_id" => Guid.NewGuid().ToString("N"),
        "badge_number" => StaffHost.NextBadge(),
        "photo_url" => "https://bureau.example.cn/photos/a.jpg",
        "office_id" => "office-1",
        "source" => "marriage",
        "month" => "2026-11",
        "keyword" => "结婚",
        "expected_version" or "version" => 0,
        "count" or "elapsed" => 1,
        "value" => 5,
        "max_score" => 100.0,
        "score" => 50.0,
        "fee_yuan" => 0.0,
        _ when IsDate(f) => _host.Date(0),
        _ => f.FieldType switch
        {
            FieldType.String => "测试",
            FieldType.Enum => 1,
            _ => null,
        },
    };

    private IMessage Build(MessageDescriptor type, Existing e, string prefix, string target, object? boundary, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (field.IsMap) continue;
            var path = prefix + field.Name;
            object? value;
            if (field.FieldType == FieldType.Message)
            {
                if (field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal) || depth >= 2) continue;
                value = Build(field.MessageType, e, path + ".", target, boundary, depth + 1);
            }
            else value = path == target ? boundary : Plausible(field, e);
            if (value is null) continue;
            if (field.FieldType == FieldType.Enum) value = Enum.ToObject(field.EnumType.ClrType, value);
            if (field.IsRepeated) ((System.Collections.IList)field.Accessor.GetValue(message)).Add(value);
            else field.Accessor.SetValue(message, value);
        }
        return message;
    }

    private static IEnumerable<(string Path, FieldDescriptor Field)> Scalars(MessageDescriptor type, string prefix, int depth)
    {
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (field.IsMap) continue;
            if (field.FieldType == FieldType.Message)
            {
                if (field.MessageType.FullName.StartsWith("google.", StringComparison.Ordinal) || depth >= 2) continue;
                foreach (var nested in Scalars(field.MessageType, prefix + field.Name + ".", depth + 1)) yield return nested;
            }
            else yield return (prefix + field.Name, field);
        }
    }

    [Fact]
    public async Task Every_date_month_and_number_field_of_every_rpc_given_a_boundary_value_never_answers_a_server_error()
    {
        var existing = await ExistingAsync();
        var invoker = _host.Channel().CreateCallInvoker();
        var failures = new List<string>();
        var calls = 0;
        foreach (var method in StaffConductReflection.Descriptor.FindTypeByName<ServiceDescriptor>("StaffConduct").Methods)
        {
            var bytes = Marshallers.Create<byte[]>(b => b, b => b);
            var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, bytes, bytes);
            foreach (var (path, field) in Scalars(method.InputType, "", 0))
            {
                foreach (var (name, value) in BoundaryValues(field))
                {
                    var request = Build(method.InputType, existing, "", path, value, 0);
                    calls++;
                    try
                    {
                        await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request.ToByteArray()).ResponseAsync;
                    }
                    catch (RpcException error) when (error.StatusCode is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss
                                                         or StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                    {
                        failures.Add($"{method.Name} {path}={name}: {error.StatusCode} {error.Status.Detail}");
                    }
                    catch (RpcException)
                    {
                        // refused plainly (NOT_FOUND, FAILED_PRECONDITION, INVALID_ARGUMENT naming it...)
                    }
                }
            }
        }
        Assert.True(calls > 100, $"only {calls} calls were made");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    [InlineData("-2026-11")]
    public async Task A_ranking_closing_or_case_report_for_an_impossible_month_is_invalid_naming_month(string month)
    {
        var member = await _host.RegisterAsync();
        var client = _host.Client;
        var calls = new Func<Task>[]
        {
            () => client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest { Window = WindowType.MarriageRegistration, Month = month }).ResponseAsync,
            () => client.CloseMonthAsync(new CloseMonthRequest { Window = WindowType.MarriageRegistration, Month = month, ClosedBy = "考核办" }).ResponseAsync,
            () => client.CorrectMonthlyRankingAsync(new CorrectMonthlyRankingRequest
            {
                Window = WindowType.MarriageRegistration, Month = month, Reason = "补录", CorrectedBy = "考核办",
            }).ResponseAsync,
            () => client.ReportCasesHandledAsync(new ReportCasesHandledRequest
            {
                StaffId = member.StaffId, Month = month, Count = 1, Source = "marriage", EventId = "e-" + month,
            }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal(["month"], error.Fields());
        }
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    public async Task A_negative_or_extreme_ranking_version_is_invalid_or_not_found_never_a_server_error(int version)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.GetMonthlyRankingAsync(new GetMonthlyRankingRequest
        {
            Window = WindowType.MarriageRegistration, Month = "2026-10", Version = version,
        }).ResponseAsync);
        if (version < 0) Assert.Equal(["version"], error.Fields());
        else Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
