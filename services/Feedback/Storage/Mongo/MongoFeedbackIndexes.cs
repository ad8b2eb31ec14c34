using CivilAffairs.ServiceDefaults.Storage;
using MongoDB.Driver;

namespace CivilAffairs.Feedback.Storage.Mongo;

/// <summary>Creates the collections' indexes at start-up (creating an existing index again is a no-op).</summary>
internal sealed class MongoFeedbackIndexes(IMongoDatabase database) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await database.GetCollection<RatingDocument>(MongoRatingStore.CollectionName).Indexes
            .CreateManyAsync(MongoRatingStore.Indexes(), cancellationToken);
        await database.GetCollection<SuggestionDocument>(MongoSuggestionStore.CollectionName).Indexes
            .CreateManyAsync(MongoSuggestionStore.Indexes(), cancellationToken);
        await database.GetCollection<InvitationDocument>(MongoInvitationStore.CollectionName).Indexes
            .CreateManyAsync(MongoInvitationStore.Indexes(), cancellationToken);
        await database.GetCollection<CaseDocument>(MongoRectificationStore.CollectionName).Indexes
            .CreateManyAsync(MongoRectificationStore.Indexes(), cancellationToken);
        await database.GetCollection<QuestionnaireDocument>(MongoQuestionnaireStore.CollectionName).Indexes
            .CreateManyAsync(MongoQuestionnaireStore.Indexes(), cancellationToken);
        await database.GetCollection<ResponseDocument>(MongoQuestionnaireStore.ResponsesCollectionName).Indexes
            .CreateManyAsync(MongoQuestionnaireStore.ResponseIndexes(), cancellationToken);
        await database.GetCollection<EvaluatorDocument>(MongoEvaluatorStore.CollectionName).Indexes
            .CreateManyAsync(MongoEvaluatorStore.Indexes(), cancellationToken);
        await database.GetCollection<ReportDocument>(MongoEvaluatorStore.ReportsCollectionName).Indexes
            .CreateManyAsync(MongoEvaluatorStore.ReportIndexes(), cancellationToken);
        await database.GetCollection<MeetingDocument>(MongoAppraisalStore.CollectionName).Indexes
            .CreateManyAsync(MongoAppraisalStore.Indexes(), cancellationToken);
    }
}
