using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.StaffConduct.Domain;
using CivilAffairs.StaffConduct.Domain.Catalogue;

namespace CivilAffairs.StaffConduct.Storage;

/// <summary>The JSON shape of every document: the aggregates as they are, nothing computed (read-only properties are left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(StaffMember))]
[JsonSerializable(typeof(StaffChange))]
[JsonSerializable(typeof(DutyDay))]
[JsonSerializable(typeof(Commitment))]
[JsonSerializable(typeof(Designation))]
[JsonSerializable(typeof(ConductRule))]
[JsonSerializable(typeof(Inspection))]
[JsonSerializable(typeof(Contest))]
[JsonSerializable(typeof(CaseReport))]
[JsonSerializable(typeof(ServiceRating))]
[JsonSerializable(typeof(RectificationClosure))]
[JsonSerializable(typeof(ServiceItemVersion))]
[JsonSerializable(typeof(ServiceTimeRecord))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(StaffProfile))]
[JsonSerializable(typeof(ServiceItemContent))]
[JsonSerializable(typeof(PublishedRanking))]
internal sealed partial class StaffConductJson : JsonSerializerContext;

/// <summary>The staff-conduct collections: one per aggregate, with the fields its queries and unique rules need.</summary>
public static class StaffConductDocuments
{
    private static StaffConductJson Json => StaffConductJson.Default;

    public const string BadgeNumberRule = "badge-number";
    public const string InForcePerHolderRule = "one-designation-in-force-per-holder";

    /// <summary>The record as it reads now; the member's own version is the stored version.</summary>
    public static readonly DocumentCollection<StaffMember> Staff =
        new DocumentCollection<StaffMember>("staff", Json.StaffMember, m => m.Id, m => m.Version)
            .Field("badge", m => m.Profile.BadgeNumber).Field("window", m => m.Profile.Window).Field("office", m => m.Profile.OfficeId)
            .Unique(BadgeNumberRule, "badge")
            .Index("window", "office", "badge");

    /// <summary>Every version of every record, written in the batch that makes it (the archive never forgets one).</summary>
    public static readonly DocumentCollection<StaffChange> StaffHistory =
        new DocumentCollection<StaffChange>("staff_history", Json.StaffChange, c => $"{c.StaffId}:{c.Version}")
            .Field("staff", c => c.StaffId).Field("version", c => c.Version)
            .Index("staff", "version");

    /// <summary>Read by id only (member and day), so a day's roster is one read.</summary>
    public static readonly DocumentCollection<DutyDay> DutyDays = new("duty_days", Json.DutyDay, d => d.Id);

    public static readonly DocumentCollection<Commitment> Commitments =
        new DocumentCollection<Commitment>("commitments", Json.Commitment, c => c.Id)
            .Field("staff", c => c.StaffId).Field("window", c => c.Window).Field("deadline", c => c.Deadline)
            .Field("publishedAt", c => c.PublishedAt).Field("open", c => c.Outcome is null)
            .Index("staff", "deadline").Index("open", "deadline");

    /// <summary>The holder's key while the designation is in force, null once withdrawn: one in force per holder.</summary>
    public static readonly DocumentCollection<Designation> Designations =
        new DocumentCollection<Designation>("designations", Json.Designation, d => d.Id)
            .Field("window", d => d.Window).Field("grantedOn", d => d.GrantedOn).Field("recordedAt", d => d.RecordedAt)
            .Field("inForce", d => d.InForce).Field("holderInForce", d => d.InForce ? d.HolderKey : null)
            .Unique(InForcePerHolderRule, "holderInForce")
            .Index("window", "grantedOn");

    /// <summary>The rule's own version is the stored version; the part by its number, so the code lists in its own order.</summary>
    public static readonly DocumentCollection<ConductRule> ConductRules =
        new DocumentCollection<ConductRule>("conduct_rules", Json.ConductRule, r => r.Id, r => r.Version)
            .Field("part", r => (int)r.Part).Field("active", r => r.Active);

    public static readonly DocumentCollection<Inspection> Inspections =
        new DocumentCollection<Inspection>("inspections", Json.Inspection, i => i.Id)
            .Field("staff", i => i.StaffId).Field("observedOn", i => i.ObservedOn).Field("recordedAt", i => i.RecordedAt)
            .Index("staff", "observedOn");

    /// <summary>A contest with its scores: a score batch is one replacement of the contest, so it lands whole or not at all.</summary>
    public static readonly DocumentCollection<Contest> Contests =
        new DocumentCollection<Contest>("contests", Json.Contest, c => c.Id)
            .Field("heldOn", c => c.HeldOn).Field("createdAt", c => c.CreatedAt).Many("participants", c => c.Scores.Select(s => s.StaffId))
            .Index("heldOn");

    /// <summary>The sender's event id is the id: a report delivered again is refused as a duplicate.</summary>
    public static readonly DocumentCollection<CaseReport> CaseReports =
        new DocumentCollection<CaseReport>("case_reports", Json.CaseReport, r => r.EventId)
            .Field("staff", r => r.StaffId).Field("month", r => r.Month.ToString()).Field("count", r => r.Count)
            .Index("month", "staff");

    /// <summary>Feedback's rating id is the id: a rating delivered again, however late, stores nothing.</summary>
    public static readonly DocumentCollection<ServiceRating> Ratings =
        new DocumentCollection<ServiceRating>("ratings", Json.ServiceRating, r => r.RatingId)
            .Field("staff", r => r.StaffId).Field("complaint", r => r.IsComplaint).Field("ratedOn", r => r.RatedOn)
            .Field("recordedAt", r => r.RecordedAt)
            .Index("staff", "complaint", "ratedOn");

    public static readonly DocumentCollection<RectificationClosure> Closures =
        new DocumentCollection<RectificationClosure>("rectification_closures", Json.RectificationClosure, c => c.CaseId)
            .Field("rating", c => c.RatingId)
            .Index("rating");

    /// <summary>One document per published version ("item@version"): a second writer of the same version meets the id.</summary>
    public static readonly DocumentCollection<ServiceItemVersion> Catalogue =
        new DocumentCollection<ServiceItemVersion>("catalogue_versions", Json.ServiceItemVersion, v => $"{v.ItemId}@{v.Version}")
            .Field("item", v => v.ItemId).Field("version", v => v.Version).Field("window", v => v.Window)
            .Index("item", "version").Index("window", "item");

    public static readonly DocumentCollection<ServiceTimeRecord> ServiceTimes =
        new DocumentCollection<ServiceTimeRecord>("service_times", Json.ServiceTimeRecord, r => r.EventId)
            .Field("item", r => r.ItemId).Field("month", r => Month.Of(r.CompletedOn).ToString()).Field("within", r => r.WithinPromise)
            .Index("item", "month");

    /// <summary>One document per published version of a window's month ("window:month:vN"): a second publisher of the
    /// same version meets the id. Never replaced.</summary>
    public static readonly DocumentCollection<PublishedRanking> PublishedRankings =
        new DocumentCollection<PublishedRanking>("published_rankings", Json.PublishedRanking, p => p.Id)
            .Field("month", p => PublishedRanking.KeyOf(p.Window, p.Month)).Field("version", p => p.Version)
            .Index("month", "version");

    public static readonly IDocumentCollection[] All =
    [
        Staff, StaffHistory, DutyDays, Commitments, Designations, ConductRules, Inspections, Contests, CaseReports, Ratings, Closures,
        Catalogue, ServiceTimes, PublishedRankings,
    ];
}
