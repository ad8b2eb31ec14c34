using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.ServiceDefaults.Documents;

namespace Microsoft.Extensions.Hosting;

public static class FeedbackStorage
{
    /// <summary>The feedback ports over the service's document store (SQLite by default, MongoDB when
    /// <c>Storage:Provider</c> is <c>mongo</c>), and the import of a store file of the earlier release.</summary>
    public static IHostApplicationBuilder AddFeedbackStore(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore("feedback", FeedbackDocuments.All);
        builder.Services.AddSingleton<IRatingStore, RatingStore>();
        builder.Services.AddSingleton<IInvitationStore, InvitationStore>();
        builder.Services.AddSingleton<IRectificationStore, RectificationStore>();
        builder.Services.AddSingleton<ISuggestionStore, SuggestionStore>();
        builder.Services.AddSingleton<IQuestionnaireStore, QuestionnaireStore>();
        builder.Services.AddSingleton<IEvaluatorStore, EvaluatorStore>();
        builder.Services.AddSingleton<IAppraisalStore, AppraisalStore>();
        builder.Services.AddSingleton<IStoreMigration, EarlierReleaseImport>();
        return builder;
    }
}
