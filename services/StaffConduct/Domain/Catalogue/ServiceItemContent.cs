namespace CivilAffairs.StaffConduct.Domain.Catalogue;

/// <summary>Numbers match <c>civilaffairs.staffconduct.v1.TimeLimitUnit</c>.</summary>
public enum TimeLimitUnit
{
    Minutes = 1,     // on the spot (当场办结)
    WorkingDays = 2, // 工作日
    Days = 3,        // calendar days
}

/// <summary>The time a window promises for an item.</summary>
public sealed record TimeLimit(int Value, TimeLimitUnit Unit)
{
    public bool Kept(int elapsed) => elapsed <= Value;
}

/// <summary>
/// The eight parts of a service norm (服务事项, 服务对象, 服务内容, 服务依据, 服务流程, 服务要求, 服务考核, 服务监督), the
/// documents to bring, the promised time limit, the fee and the responsible post. Only a publishable content can be
/// built: an item without a legal basis or a process is refused.
/// </summary>
public sealed record ServiceItemContent(
    string Name,
    string ServedParty,
    string Content,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Process,
    IReadOnlyList<string> Requirements,
    string Assessment,
    string Supervision,
    IReadOnlyList<string> Documents,
    TimeLimit TimeLimit,
    double FeeYuan,
    string ResponsiblePost)
{
    public const int MaxLines = 30;

    public static ServiceItemContent Create(string? name, string? servedParty, string? content, IEnumerable<string>? legalBasis,
        IEnumerable<string>? process, IEnumerable<string>? requirements, string? assessment, string? supervision,
        IEnumerable<string>? documents, TimeLimit? timeLimit, double feeYuan, string? responsiblePost, Validator v)
    {
        const string p = "content.";
        var cleanName = Text.Require(name, p + "name", 100, v);
        var served = Text.Require(servedParty, p + "served_party", Text.MaxLine, v);
        var what = Text.Require(content, p + "content", Text.MaxEvidence, v);
        var basis = Lines(legalBasis, p + "legal_basis", required: "is required: an item is published with its legal basis (服务依据)", v);
        var steps = Lines(process, p + "process", required: "is required: an item is published with its process step by step (服务流程)", v);
        var asks = Lines(requirements, p + "requirements", required: null, v);
        var assessed = Text.Require(assessment, p + "assessment", Text.MaxEvidence, v);
        var supervised = Text.Require(supervision, p + "supervision", Text.MaxEvidence, v);
        var bring = Lines(documents, p + "documents", required: null, v);
        if (timeLimit is null || !Enum.IsDefined(timeLimit.Unit) || timeLimit.Value < 0 || timeLimit.Value > 100_000)
            v.Add(p + "time_limit", "must be a promised time: a value of 0 or more in MINUTES, WORKING_DAYS or DAYS");
        v.Require(feeYuan is >= 0 and <= 1_000_000, p + "fee_yuan", "must be 0 (free) or a positive amount");
        var post = Text.Require(responsiblePost, p + "responsible_post", StaffProfile.MaxNameLength, v);
        return new ServiceItemContent(cleanName, served, what, basis, steps, asks, assessed, supervised, bring,
            timeLimit ?? new TimeLimit(0, TimeLimitUnit.Minutes), feeYuan, post);
    }

    /// <summary>True when the keyword appears in what a citizen reads to find the item.</summary>
    public bool Mentions(string keyword) =>
        new[] { Name, ServedParty, Content }.Concat(Requirements).Concat(Documents)
            .Any(text => text.Contains(keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>Everything, for comparing a repeated publication with the stored one.</summary>
    public bool SameAs(ServiceItemContent other) =>
        this with { LegalBasis = [], Process = [], Requirements = [], Documents = [] } ==
        other with { LegalBasis = [], Process = [], Requirements = [], Documents = [] } &&
        LegalBasis.SequenceEqual(other.LegalBasis) && Process.SequenceEqual(other.Process) &&
        Requirements.SequenceEqual(other.Requirements) && Documents.SequenceEqual(other.Documents);

    private static List<string> Lines(IEnumerable<string>? lines, string field, string? required, Validator v)
    {
        var clean = (lines ?? []).Select(Text.Clean).ToList();
        if (required is not null) v.Require(clean.Count > 0, field, required);
        v.Require(clean.Count <= MaxLines, field, $"must hold at most {MaxLines} lines");
        for (var i = 0; i < clean.Count; i++)
        {
            v.Require(clean[i].Length > 0, $"{field}[{i}]", "must not be empty");
            v.Require(clean[i].Length <= Text.MaxEvidence, $"{field}[{i}]", $"must be at most {Text.MaxEvidence} characters");
        }
        return clean;
    }
}
