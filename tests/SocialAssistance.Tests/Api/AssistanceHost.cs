using CivilAffairs.SocialAssistance.Api;
using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>The service in memory on a fresh SQLite file, with a gRPC client and request builders.</summary>
public sealed class AssistanceHost : ServiceHost<SocialAssistanceApi>
{
    private V1.SocialAssistance.SocialAssistanceClient? _client;

    public V1.SocialAssistance.SocialAssistanceClient Client => _client ??= new(Channel());

    public static MemberInput Member(string name, string idNumber, Relation relation, long incomeFen = 0) =>
        new() { Name = name, IdNumber = idNumber, Relation = relation, MonthlyIncomeFen = incomeFen };

    public static RegisterHouseholdRequest Household(params MemberInput[] members)
    {
        var request = new RegisterHouseholdRequest { CountyCode = "110105", Address = "朝阳区幸福路 8 号" };
        request.Members.AddRange(members);
        return request;
    }

    /// <summary>A head of household and a spouse, new people each time.</summary>
    public static RegisterHouseholdRequest Couple(long headIncomeFen = 60_000, long spouseIncomeFen = 0) => Household(
        Member("王建国", IdNumbers.Man(50), Relation.Head, headIncomeFen),
        Member("刘秀英", IdNumbers.Woman(48), Relation.Spouse, spouseIncomeFen));

    public async Task<V1.Household> RegisterAsync(RegisterHouseholdRequest? request = null) =>
        await Client.RegisterHouseholdAsync(request ?? Couple());

    public async Task<V1.DibaoApplication> ApplyAsync(string householdId) =>
        await Client.SubmitDibaoApplicationAsync(new SubmitDibaoApplicationRequest
        {
            HouseholdId = householdId, ApplicantKind = ApplicantKind.Household, Reason = "失业",
        });
}

public static class RpcAssert
{
    public static async Task<RpcException> Fails(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        return error;
    }

    /// <summary>The fields named by an INVALID_ARGUMENT's google.rpc.BadRequest detail.</summary>
    public static IReadOnlyList<string> Fields(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static string? Rule(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Single().Type;
}
