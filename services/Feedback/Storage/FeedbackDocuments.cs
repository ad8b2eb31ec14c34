using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.Feedback.Storage;

/// <summary>The JSON of feedback's aggregates; derived, read-only properties (a case's <c>Escalated</c>, a masked name)
/// are computed again on reading, not stored.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Rating))]
[JsonSerializable(typeof(Invitation))]
[JsonSerializable(typeof(RectificationCase))]
[JsonSerializable(typeof(Suggestion))]
[JsonSerializable(typeof(Questionnaire))]
[JsonSerializable(typeof(QuestionnaireResponse))]
[JsonSerializable(typeof(Evaluator))]
[JsonSerializable(typeof(InspectionReport))]
[JsonSerializable(typeof(AppraisalMeeting))]
internal sealed partial class FeedbackJson : JsonSerializerContext;

/// <summary>
/// Every feedback aggregate as one document, with the fields its lookups, unique rules, lists and figures need. Lists
/// that show the latest first break ties on the <c>id</c> field, newest id first as the earlier release did (the
/// engine's own tie-break is the id ascending).
/// </summary>
internal static class FeedbackDocuments
{
    public const string OneRatingPerService = "one-rating-per-service";
    public const string OneRatingPerInvitation = "one-rating-per-invitation";
    public const string OneInvitationPerService = "one-invitation-per-service";

    /// <summary>Counted per window or staff member, office day and level, voided ones left out.</summary>
    public static readonly DocumentCollection<Rating> Ratings =
        new DocumentCollection<Rating>("ratings", FeedbackJson.Default.Rating, r => r.Id)
            .Field("serviceReference", r => r.ServiceReference)
            .Field("invitation", r => r.InvitationId)
            .Field("window", r => r.Window)
            .Field("staff", r => r.StaffId)
            .Field("voided", r => r.Voided)
            .Field("ratedOn", r => r.RatedOn)
            .Field("month", r => r.RatedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .Field("level", r => r.Level)
            .Unique(OneRatingPerService, "serviceReference")
            .Unique(OneRatingPerInvitation, "invitation")
            .Index("window", "voided", "ratedOn", "level", "staff", "month")
            .Index("staff", "voided", "ratedOn", "level", "month");

    /// <summary>One invitation per service: the producers' relays deliver at least once, for longer than the
    /// idempotency records are kept.</summary>
    public static readonly DocumentCollection<Invitation> Invitations =
        new DocumentCollection<Invitation>("invitations", FeedbackJson.Default.Invitation, i => i.Id)
            .Field("serviceReference", i => i.ServiceReference)
            .Unique(OneInvitationPerService, "serviceReference");

    /// <summary>A case with its steps; its own version guards each step. <c>openDeadline</c> (null once closed) finds
    /// the overdue ones, <c>closedOnTime</c> (null while open) counts how they ended.</summary>
    public static readonly DocumentCollection<RectificationCase> Cases =
        new DocumentCollection<RectificationCase>("rectification_cases", FeedbackJson.Default.RectificationCase, c => c.Id, c => c.Version)
            .Field("id", c => c.Id)
            .Field("window", c => c.Window)
            .Field("staff", c => c.StaffId)
            .Field("openedOn", c => c.OpenedOn)
            .Field("openDeadline", c => c.IsClosed ? null : c.Deadline)
            .Field("closedOnTime", c => c.ClosedOnTime)
            .Index("window", "openedOn")
            .Index("staff", "openedOn")
            .Index("openDeadline");

    /// <summary>A suggestion with its entries (version: one more per entry). <c>position</c> is its submission time and
    /// id as one sortable text, so a page token (time, id) continues the newest-first list with one range.</summary>
    public static readonly DocumentCollection<Suggestion> Suggestions =
        new DocumentCollection<Suggestion>("suggestions", FeedbackJson.Default.Suggestion, s => s.Id, s => s.Version)
            .Field("window", s => s.Window)
            .Field("category", s => s.Category)
            .Field("position", s => Position(s.SubmittedAt, s.Id))
            .Index("window", "position")
            .Index("window", "category", "position");

    public static readonly DocumentCollection<Questionnaire> Questionnaires =
        new("questionnaires", FeedbackJson.Default.Questionnaire, q => q.Id);

    public static readonly DocumentCollection<QuestionnaireResponse> Responses =
        new DocumentCollection<QuestionnaireResponse>("questionnaire_responses", FeedbackJson.Default.QuestionnaireResponse, r => r.Id)
            .Field("questionnaire", r => r.QuestionnaireId)
            .Field("window", r => r.Window)
            .Field("submittedOn", r => r.SubmittedOn)
            .Index("questionnaire", "window", "submittedOn");

    public static readonly DocumentCollection<Evaluator> Evaluators =
        new DocumentCollection<Evaluator>("evaluators", FeedbackJson.Default.Evaluator, e => e.Id)
            .Field("termStart", e => e.TermStart)
            .Field("termEnd", e => e.TermEnd)
            .Field("appointedAt", e => e.AppointedAt)
            .Index("termEnd", "termStart");

    public static readonly DocumentCollection<InspectionReport> Reports =
        new DocumentCollection<InspectionReport>("inspection_reports", FeedbackJson.Default.InspectionReport, r => r.Id)
            .Field("id", r => r.Id)
            .Field("window", r => r.Window)
            .Field("staff", r => r.StaffId)
            .Field("visitedOn", r => r.VisitedOn)
            .Index("window", "visitedOn");

    public static readonly DocumentCollection<AppraisalMeeting> Meetings =
        new DocumentCollection<AppraisalMeeting>("appraisal_meetings", FeedbackJson.Default.AppraisalMeeting, m => m.Id)
            .Field("id", m => m.Id)
            .Field("heldOn", m => m.HeldOn)
            .Many("windows", m => m.Scores.Select(s => (object?)s.Window))
            .Index("heldOn");

    public static readonly IDocumentCollection[] All =
        [Ratings, Invitations, Cases, Suggestions, Questionnaires, Responses, Evaluators, Reports, Meetings];

    public static string Position(DateTimeOffset submittedAt, string id) => FieldValue.Instant(submittedAt) + "|" + id;

    /// <summary>A window's or a staff member's documents: ratings and cases name both alike.</summary>
    public static DocumentQuery Of(RatingScope scope) => scope switch
    {
        RatingScope.OfWindow w => DocumentQuery.Where("window", w.Window),
        RatingScope.OfStaff s => DocumentQuery.Where("staff", s.StaffId),
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };
}
