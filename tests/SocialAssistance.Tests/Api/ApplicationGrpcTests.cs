using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.Common.V1;
using Grpc.Core;

namespace CivilAffairs.SocialAssistance.Tests.Api;

public sealed class ApplicationGrpcTests(AssistanceHost host) : IClassFixture<AssistanceHost>
{
    [Fact]
    public async Task A_submitted_application_is_found_with_its_status()
    {
        var household = await host.RegisterAsync();
        var submitted = await host.Client.SubmitDibaoApplicationAsync(new SubmitDibaoApplicationRequest
        {
            HouseholdId = household.HouseholdId, ApplicantKind = ApplicantKind.Committee, ApplicantName = "幸福路社区居委会", Reason = "因病",
        });

        var fetched = await host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.ApplicationId });

        Assert.Equal(submitted, fetched);
        Assert.Equal(ApplicationStatus.Submitted, fetched.Status);
        Assert.Equal(ApplicantKind.Committee, fetched.ApplicantKind);
        Assert.Equal("幸福路社区居委会", fetched.ApplicantName);
        Assert.Equal(WindowType.SocialAssistance, fetched.Window);
    }

    [Fact]
    public async Task A_second_open_application_for_the_household_already_exists()
    {
        var household = await host.RegisterAsync();
        var first = await host.ApplyAsync(household.HouseholdId);

        var error = await RpcAssert.Fails(StatusCode.AlreadyExists, () => host.ApplyAsync(household.HouseholdId));

        Assert.Contains(first.ApplicationId, error.Status.Detail);
        Assert.Contains("SUBMITTED", error.Status.Detail);
    }

    [Fact]
    public async Task An_application_for_an_unknown_household_is_not_found()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => host.ApplyAsync("hh_unknown"));
        await RpcAssert.Fails(StatusCode.NotFound, () => host.Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = "dba_unknown" }).ResponseAsync);
    }

    [Fact]
    public async Task A_committee_without_a_name_is_refused_and_nothing_is_written()
    {
        var household = await host.RegisterAsync();
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => host.Client.SubmitDibaoApplicationAsync(new SubmitDibaoApplicationRequest
        {
            HouseholdId = household.HouseholdId, ApplicantKind = ApplicantKind.Committee,
        }).ResponseAsync);

        Assert.Equal(["applicant_name"], error.Fields());
        await host.ApplyAsync(household.HouseholdId); // no open application was left behind
    }

    [Fact]
    public async Task A_retried_submission_replays_instead_of_colliding_with_itself()
    {
        var household = await host.RegisterAsync();
        var request = new SubmitDibaoApplicationRequest
        {
            HouseholdId = household.HouseholdId, ApplicantKind = ApplicantKind.Household, IdempotencyKey = "apply-" + Guid.NewGuid(),
        };

        var first = await host.Client.SubmitDibaoApplicationAsync(request);
        var retry = await host.Client.SubmitDibaoApplicationAsync(request);

        Assert.Equal(first.ApplicationId, retry.ApplicationId);
        request.Reason = "different";
        var error = await RpcAssert.Fails(StatusCode.InvalidArgument, () => host.Client.SubmitDibaoApplicationAsync(request).ResponseAsync);
        Assert.Equal(["idempotency_key"], error.Fields());
    }
}
