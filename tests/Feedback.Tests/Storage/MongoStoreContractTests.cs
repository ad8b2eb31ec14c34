using CivilAffairs.Feedback.Storage.Mongo;
using CivilAffairs.TestSupport;

namespace CivilAffairs.Feedback.Tests.Storage;

/// <summary>The same contract on MongoDB: runs when MONGODB_URI is set, and says it did not run otherwise.</summary>
public sealed class MongoStoreContractTests : FeedbackStoreContract
{
    private MongoStore? _store;

    public override async Task InitializeAsync()
    {
        if (MongoFactAttribute.MongoUri is null) return;
        _store = await MongoStore.CreateAsync();
        Ratings = new MongoRatingStore(_store.Database);
        Suggestions = new MongoSuggestionStore(_store.Database);
        Invitations = new MongoInvitationStore(_store.Database);
        Cases = new MongoRectificationStore(_store.Database);
        Questionnaires = new MongoQuestionnaireStore(_store.Database);
        Evaluators = new MongoEvaluatorStore(_store.Database);
        Appraisals = new MongoAppraisalStore(_store.Database);
    }

    public override async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    [MongoFact] public override Task A_stored_rating_reads_back_as_it_was() => base.A_stored_rating_reads_back_as_it_was();
    [MongoFact] public override Task A_rating_without_staff_or_comment_keeps_them_empty() => base.A_rating_without_staff_or_comment_keeps_them_empty();
    [MongoFact] public override Task A_second_rating_of_a_service_reference_is_a_duplicate_and_not_stored() => base.A_second_rating_of_a_service_reference_is_a_duplicate_and_not_stored();
    [MongoFact] public override Task Ratings_without_keys_never_clash_and_a_reused_key_is_told_apart() => base.Ratings_without_keys_never_clash_and_a_reused_key_is_told_apart();
    [MongoFact] public override Task Counts_per_level_follow_the_scope_and_the_inclusive_period() => base.Counts_per_level_follow_the_scope_and_the_inclusive_period();
    [MongoFact] public override Task An_anonymous_suggestion_is_stored_without_identity_and_a_named_one_with_it() => base.An_anonymous_suggestion_is_stored_without_identity_and_a_named_one_with_it();
    [MongoFact] public override Task An_invitation_reads_back_by_id_service_and_key_and_a_service_is_invited_once() => base.An_invitation_reads_back_by_id_service_and_key_and_a_service_is_invited_once();
    [MongoFact] public override Task A_bad_rating_is_stored_with_the_case_it_opens_and_a_refused_one_opens_none() => base.A_bad_rating_is_stored_with_the_case_it_opens_and_a_refused_one_opens_none();
    [MongoFact] public override Task A_step_is_saved_only_on_the_version_it_was_taken_from_and_appends_to_the_history() => base.A_step_is_saved_only_on_the_version_it_was_taken_from_and_appends_to_the_history();
    [MongoFact] public override Task An_upheld_appeal_voids_the_rating_so_it_is_no_longer_counted() => base.An_upheld_appeal_voids_the_rating_so_it_is_no_longer_counted();
    [MongoFact] public override Task The_overdue_list_holds_open_cases_past_their_deadline_oldest_first() => base.The_overdue_list_holds_open_cases_past_their_deadline_oldest_first();
    [MongoFact] public override Task Case_figures_count_opened_closed_on_time_and_overdue_per_window_and_period() => base.Case_figures_count_opened_closed_on_time_and_overdue_per_window_and_period();
    [MongoFact] public override Task Entries_are_appended_on_the_version_they_were_made_from_and_read_back_in_order() => base.Entries_are_appended_on_the_version_they_were_made_from_and_read_back_in_order();
    [MongoFact] public override Task A_window_box_pages_newest_first_after_a_cursor() => base.A_window_box_pages_newest_first_after_a_cursor();
    [MongoFact] public override Task A_questionnaire_and_its_responses_read_back_and_scores_are_counted_per_window_and_period() => base.A_questionnaire_and_its_responses_read_back_and_scores_are_counted_per_window_and_period();
    [MongoFact] public override Task Evaluators_are_listed_by_term_and_their_reports_by_window_staff_and_period() => base.Evaluators_are_listed_by_term_and_their_reports_by_window_staff_and_period();
    [MongoFact] public override Task Meetings_read_back_whole_and_a_window_score_is_averaged_over_the_period() => base.Meetings_read_back_whole_and_a_window_score_is_averaged_over_the_period();
    [MongoFact] public override Task Counts_per_month_and_level_split_the_period_by_calendar_month() => base.Counts_per_month_and_level_split_the_period_by_calendar_month();
    [MongoFact] public override Task Counts_per_staff_member_and_level_cover_one_window_and_skip_ratings_without_staff() => base.Counts_per_staff_member_and_level_cover_one_window_and_skip_ratings_without_staff();
}
