using System.Text.Json.Nodes;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.ServiceDefaults.Documents.Sqlite;
using IPaymentStore = CivilAffairs.SocialAssistance.Domain.IPaymentStore;
using CivilAffairs.SocialAssistance.Storage;
using CivilAffairs.SocialAssistance.Tests.Api;
using CivilAffairs.SocialAssistance.V1;
using CivilAffairs.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using static CivilAffairs.SocialAssistance.Storage.SocialAssistanceDocuments;

namespace CivilAffairs.SocialAssistance.Tests.Storage;

/// <summary>
/// The service started on a store file written by the release before the document store (Fixtures/README.md says
/// what it holds): every record is found again through the API, history included, and the rules hold over it.
/// </summary>
public sealed class EarlierReleaseImportTests : FreshHostTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "social-assistance-release-2026-11.db");

    private const string HouseholdA = "hh_dd1a0d088a5f49a49311b64d1af71ced";
    private const string HouseholdB = "hh_20998d5b156a4a338ef75dda1ca84d27";
    private const string HouseholdC = "hh_7c5bf03a765a4614906ea7c956da72b7";
    private const string HouseholdD = "hh_00289da3d0b3440d85c84a258fc1d100";
    private const string ActiveCaseA = "dba_426f58743acc4a82aa89b29b704dbfde";
    private const string RefusedB = "dba_d06fc7f54ec84d328160e8e614a8b46f";
    private const string OpenB = "dba_423c566c84374ff4bf74a4dffaea2489";
    private const string TemporaryC = "sup_9ef9f02ad023421ba6cbb85693d5acea";
    private const string EmergencyA = "sup_f0ab616c9b8e4e56b76bf74c7ad700a6";
    private const string ExtremePovertyD = "sup_007aeb29031e4a278523d75ea9f2a1bd";
    private const string DecemberRun = "run_f2c1f17dace84fcc8a31a23a0621fc77";
    private const string DecemberRunAgain = "run_871eef61684b491982cd210df0531ef9";

    public EarlierReleaseImportTests() => File.Copy(Fixture, Host.StorePath);

    private V1.SocialAssistance.SocialAssistanceClient Client => Host.Client;

    [Fact]
    public async Task Households_come_back_with_their_change_history()
    {
        var a = await Client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = HouseholdA });
        var c = await Client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = HouseholdC });

        Assert.Equal((3, 2), (a.Members.Count, a.Version));
        Assert.Equal("110105********0146", Assert.Single(Assert.Single(a.Changes).MembersJoined).MaskedIdNumber);
        Assert.Equal((1, "110105********0146"), (c.Members.Count, Assert.Single(Assert.Single(c.Changes).MembersLeft).MaskedIdNumber));
        foreach (var id in new[] { HouseholdB, HouseholdD })
            Assert.Equal(2, (await Client.GetHouseholdAsync(new GetHouseholdRequest { HouseholdId = id })).Members.Count);
        Assert.Equal(4, await Host.Services.GetRequiredService<IDocumentStore>().CountAsync(Households, DocumentQuery.All));
    }

    [Fact]
    public async Task Applications_come_back_with_their_history_and_the_open_one_still_blocks_a_second()
    {
        var active = await Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = ActiveCaseA });
        var refused = await Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = RefusedB });
        var open = await Client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = OpenB });

        Assert.Equal((V1.ApplicationStatus.Active, 8, 7, 244_000L), (active.Status, active.Version, active.History.Count, active.MonthlyBenefitFen));
        Assert.Equal((true, false), (Assert.Single(active.Posting.Objections).Resolved, active.Posting.Objections[0].Upheld));
        Assert.Equal((V1.ApplicationStatus.Refused, "2026-11-02"), (refused.Status, refused.Refusal.NotifiedOn));
        Assert.Equal((V1.ApplicationStatus.Submitted, "幸福路社区居委会"), (open.Status, open.ApplicantName));
        var second = await RpcAssert.Fails(StatusCode.AlreadyExists, () => Host.ApplyAsync(HouseholdB));
        Assert.Contains(OpenB, second.Status.Detail);
    }

    [Fact]
    public async Task A_member_of_an_imported_active_household_cannot_be_registered_again()
    {
        var error = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Host.RegisterAsync(AssistanceHost.Household(
            AssistanceHost.Member("王建国", "110105197612010037", Relation.Head))));

        Assert.Equal("member-in-active-household", error.Rule());
    }

    [Fact]
    public async Task Support_cases_and_the_ledger_come_back_and_nobody_is_paid_twice()
    {
        var cases = await Task.WhenAll(new[] { TemporaryC, EmergencyA, ExtremePovertyD }.Select(id =>
            Client.GetSupportCaseAsync(new GetSupportCaseRequest { CaseId = id }).ResponseAsync));
        Assert.Equal([SupportStatus.SupportPaid, SupportStatus.PaperworkCompleted, SupportStatus.SupportActive], cases.Select(c => c.Status));
        Assert.Equal([3, 2, 1], cases.Select(c => c.History.Count));
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.ApplyExtremePovertyAsync(new ApplyExtremePovertyRequest
        {
            HouseholdId = HouseholdD, MemberIndex = 0, CareMode = CareMode.Home, StaffId = StaffConductServer.Clerk,
        }).ResponseAsync);
        var secondGrant = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Steps.EmergencyAsync(HouseholdC));
        Assert.Equal("already-paid-this-month", secondGrant.Rule());

        Assert.Equal([("2026-11", Programme.Temporary, 100_000L), ("2026-12", Programme.Dibao, 244_000L)],
            (await Steps.LedgerAsync(HouseholdA)).Select(p => (p.Month, p.Programme, p.AmountFen)));
        Assert.Equal(Programme.ExtremePoverty, Assert.Single(await Steps.LedgerAsync(HouseholdD)).Programme);
        var runs = Host.Services.GetRequiredService<IPaymentStore>();
        Assert.Equal((2, 0, 435_100L), await runs.GetRunAsync(DecemberRun) is { } first ? (first.PaidCount, first.AlreadyPaidCount, first.TotalPaidFen) : default);
        Assert.Equal(2, (await runs.GetRunAsync(DecemberRunAgain))?.AlreadyPaidCount);

        var december = await Steps.PayAsync(new DateOnly(2026, 12, 10));
        Assert.Equal((0, 2), (december.PaidCount, december.AlreadyPaidCount));
    }

    [Fact]
    public async Task The_documents_keep_the_shape_the_earlier_release_wrote()
    {
        using var directory = new TempDirectory();
        File.Copy(Fixture, directory.File("store.db"));
        using var store = new SqliteDocumentStore(directory.File("store.db"));
        await store.InitializeAsync(All);

        foreach (var (table, collection, count) in new (string, IDocumentCollection, int)[]
                 { ("households", Households, 4), ("applications", Applications, 3), ("support_cases", SupportCases, 3) })
        {
            var compared = await store.ImportLegacyAsync(table, rows =>
            {
                // Every field the earlier release wrote comes back with its value; fields added since may join them.
                foreach (var row in rows)
                    AssertKeeps(JsonNode.Parse(row.Text("doc")), JsonNode.Parse(collection.Serialize(collection.DeserializeDocument(row.Text("doc")))), "$");
                return new WriteBatch();
            });
            Assert.Equal(count, compared);
        }
    }

    private static void AssertKeeps(JsonNode? earlier, JsonNode? now, string path)
    {
        switch (earlier)
        {
            case JsonObject fields:
                var nowFields = Assert.IsType<JsonObject>(now);
                foreach (var (name, value) in fields)
                {
                    Assert.True(nowFields.ContainsKey(name), $"{path}.{name} is no longer written");
                    AssertKeeps(value, nowFields[name], $"{path}.{name}");
                }
                break;
            case JsonArray items:
                var nowItems = Assert.IsType<JsonArray>(now);
                Assert.Equal(items.Count, nowItems.Count);
                for (var i = 0; i < items.Count; i++) AssertKeeps(items[i], nowItems[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(earlier, now), $"{path}: {earlier?.ToJsonString()} became {now?.ToJsonString()}");
                break;
        }
    }
}
