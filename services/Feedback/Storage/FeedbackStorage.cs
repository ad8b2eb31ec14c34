using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage.Mongo;
using CivilAffairs.Feedback.Storage.Sqlite;
using CivilAffairs.ServiceDefaults.Storage;

namespace Microsoft.Extensions.Hosting;

public static class FeedbackStorage
{
    /// <summary>The feedback store: embedded SQLite by default, MongoDB when <c>Storage:Provider</c> is <c>mongo</c>.</summary>
    public static IHostApplicationBuilder AddFeedbackStore(this IHostApplicationBuilder builder) =>
        builder.AddServiceStore("feedback",
            addSqliteAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, SqliteFeedbackSchema>();
                services.AddSingleton<IRatingStore, SqliteRatingStore>();
                services.AddSingleton<ISuggestionStore, SqliteSuggestionStore>();
                services.AddSingleton<IInvitationStore, SqliteInvitationStore>();
                services.AddSingleton<IRectificationStore, SqliteRectificationStore>();
                services.AddSingleton<IQuestionnaireStore, SqliteQuestionnaireStore>();
                services.AddSingleton<IEvaluatorStore, SqliteEvaluatorStore>();
                services.AddSingleton<IAppraisalStore, SqliteAppraisalStore>();
            },
            addMongoAdapters: services =>
            {
                services.AddSingleton<IStoreInitializer, MongoFeedbackIndexes>();
                services.AddSingleton<IRatingStore, MongoRatingStore>();
                services.AddSingleton<ISuggestionStore, MongoSuggestionStore>();
                services.AddSingleton<IInvitationStore, MongoInvitationStore>();
                services.AddSingleton<IRectificationStore, MongoRectificationStore>();
                services.AddSingleton<IQuestionnaireStore, MongoQuestionnaireStore>();
                services.AddSingleton<IEvaluatorStore, MongoEvaluatorStore>();
                services.AddSingleton<IAppraisalStore, MongoAppraisalStore>();
            });
}
