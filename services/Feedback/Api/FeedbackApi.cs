using CivilAffairs.Feedback.Domain;

namespace CivilAffairs.Feedback.Api;

/// <summary>The feedback gRPC service (REST under /api/feedback/v1 by transcoding). Translation only; every span of a
/// call is tagged with the window rated or concerned. The RPCs are grouped by area in the FeedbackApi.*.cs files.</summary>
public sealed partial class FeedbackApi(
    Ratings ratings,
    RatingInvitations invitations,
    SuggestionBox suggestionBox,
    Rectifications rectifications,
    Statistics statistics,
    Questionnaires questionnaires,
    Evaluators evaluators,
    AppraisalMeetings meetings) : V1.Feedback.FeedbackBase;
