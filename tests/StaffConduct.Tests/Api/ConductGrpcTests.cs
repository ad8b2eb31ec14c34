using CivilAffairs.Common.V1;
using CivilAffairs.StaffConduct.V1;
using Grpc.Core;

namespace CivilAffairs.StaffConduct.Tests.Api;

/// <summary>The conduct code as editable data, inspections against it, and a staff member's conduct record.</summary>
public sealed class ConductGrpcTests : IDisposable
{
    private readonly StaffHost _host = new();
    private V1.StaffConduct.StaffConductClient Client => _host.Client;

    public void Dispose() => _host.Dispose();

    private RecordInspectionRequest Inspection(string staffId, string ruleId, InspectionKind kind, int daysAgo = 0) => new()
    {
        StaffId = staffId, RuleId = ruleId, Kind = kind, Inspector = "行风评议员 李明", Evidence = "现场照片 IMG_0012", ObservedOn = _host.Date(-daysAgo),
    };

    [Fact]
    public async Task The_code_starts_seeded_in_its_five_parts()
    {
        var code = await Client.ListConductRulesAsync(new ListConductRulesRequest());
        Assert.Equal([V1.ConductPart.Appearance, V1.ConductPart.Behaviour, V1.ConductPart.Attitude, V1.ConductPart.CourteousLanguage, V1.ConductPart.WorkOrder],
            code.Rules.Select(r => r.Part).Distinct());
        Assert.Contains(code.Rules, r => r.Text.Contains("一张笑脸"));
    }

    [Fact]
    public async Task An_administrator_adds_and_edits_rules_by_version()
    {
        var added = await Client.SaveConductRuleAsync(new SaveConductRuleRequest
        {
            RuleId = "L-03", Part = V1.ConductPart.CourteousLanguage, Text = "接听电话先说您好", Active = true,
        });
        Assert.Equal(1, added.Version);
        var edited = await Client.SaveConductRuleAsync(new SaveConductRuleRequest
        {
            RuleId = "L-03", Part = V1.ConductPart.CourteousLanguage, Text = "接听电话先说您好，报单位和工号", Active = true, ExpectedVersion = 1,
        });
        Assert.Equal(2, edited.Version);
        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.SaveConductRuleAsync(new SaveConductRuleRequest
        {
            RuleId = "L-03", Part = V1.ConductPart.CourteousLanguage, Text = "别的", Active = true, ExpectedVersion = 1,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.SaveConductRuleAsync(new SaveConductRuleRequest
        {
            RuleId = "Z-99", Part = V1.ConductPart.WorkOrder, Text = "x", ExpectedVersion = 3,
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => Client.SaveConductRuleAsync(new SaveConductRuleRequest { RuleId = "a b" }).ResponseAsync);
        Assert.Equal(["rule_id", "part", "text"], bad.Fields());
    }

    [Fact]
    public async Task Inspections_build_the_conduct_record_and_keep_the_wording_they_cited()
    {
        var member = await _host.RegisterAsync();
        await Client.RecordInspectionAsync(Inspection(member.StaffId, "T-01", InspectionKind.Commendation, 2));
        await Client.RecordInspectionAsync(Inspection(member.StaffId, "T-02", InspectionKind.Commendation, 1));
        var violation = await Client.RecordInspectionAsync(Inspection(member.StaffId, "W-01", InspectionKind.Violation));
        Assert.Equal((V1.ConductPart.WorkOrder, WindowType.MarriageRegistration), (violation.Part, violation.Window));

        var rule = (await Client.ListConductRulesAsync(new ListConductRulesRequest())).Rules.Single(r => r.RuleId == "W-01");
        await Client.SaveConductRuleAsync(new SaveConductRuleRequest
        {
            RuleId = "W-01", Part = rule.Part, Text = "按时到岗（新措辞）", Active = true, ExpectedVersion = rule.Version,
        });

        var record = await Client.GetConductRecordAsync(new GetConductRecordRequest { StaffId = member.StaffId });
        Assert.Equal((2, 1), (record.Commendations, record.Violations));
        Assert.Equal(2, record.Parts.Single(p => p.Part == V1.ConductPart.Attitude).Commendations);
        Assert.Equal(1, record.Parts.Single(p => p.Part == V1.ConductPart.WorkOrder).Violations);
        Assert.Equal(violation.InspectionId, record.Inspections[0].InspectionId);
        Assert.Equal(rule.Text, record.Inspections[0].RuleText);

        var lastDays = await Client.GetConductRecordAsync(new GetConductRecordRequest { StaffId = member.StaffId, FromDate = _host.Date(-1) });
        Assert.Equal(2, lastDays.Inspections.Count);
    }

    [Fact]
    public async Task An_inspection_against_a_rule_that_does_not_exist_or_is_retired_is_refused_and_nothing_is_written()
    {
        var member = await _host.RegisterAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.RecordInspectionAsync(Inspection(member.StaffId, "NO-SUCH", InspectionKind.Violation)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["rule_id"], error.Fields());

        await Client.SaveConductRuleAsync(new SaveConductRuleRequest { RuleId = "A-02", Part = V1.ConductPart.Appearance, Text = "retired", Active = false, ExpectedVersion = 1 });
        error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.RecordInspectionAsync(Inspection(member.StaffId, "A-02", InspectionKind.Violation)).ResponseAsync);
        Assert.Equal(["rule_id"], error.Fields());

        var record = await Client.GetConductRecordAsync(new GetConductRecordRequest { StaffId = member.StaffId });
        Assert.Empty(record.Inspections);
    }

    [Fact]
    public async Task An_inspection_needs_its_inspector_evidence_and_a_past_date()
    {
        var member = await _host.RegisterAsync();
        var request = Inspection(member.StaffId, "T-01", InspectionKind.Unspecified, -1);
        request.Inspector = "";
        request.Evidence = "";
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RecordInspectionAsync(request).ResponseAsync);
        Assert.Equal(["kind", "inspector", "evidence", "observed_on"], error.Fields());
    }
}
