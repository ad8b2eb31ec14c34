using CivilAffairs.Feedback.Domain;
using CivilAffairs.ServiceDefaults.Contracts;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Api;

/// <summary>Questionnaires between contract and domain.</summary>
internal static class QuestionnaireTranslation
{
    public static DefineQuestionnaireCommand ToCommand(this V1.DefineQuestionnaireRequest request) => new(
        request.Title,
        request.Window == Common.V1.WindowType.Unspecified ? null : request.Window.ToDomain(),
        request.Questions.Select(q => ((string?)q.Text, q.ScaleMin, q.ScaleMax)).ToList());

    public static AnswerQuestionnaireCommand ToCommand(this V1.AnswerQuestionnaireRequest request) => new(
        request.QuestionnaireId, request.Window.ToDomain(),
        request.Answers.Select(a => new Answer(a.QuestionNumber, a.Score)).ToList(), request.Comment);

    public static V1.Questionnaire ToContract(this Questionnaire questionnaire) => new()
    {
        QuestionnaireId = questionnaire.Id,
        Title = questionnaire.Title,
        Window = (questionnaire.Window ?? Window.Unspecified).ToContract(),
        Questions =
        {
            questionnaire.Questions.Select(q => new V1.QuestionnaireQuestion
            {
                Number = q.Number, Text = q.Text, ScaleMin = q.ScaleMin, ScaleMax = q.ScaleMax,
            }),
        },
        CreatedAt = questionnaire.CreatedAt.ToTimestamp(),
    };

    public static V1.QuestionnaireResponse ToContract(this QuestionnaireResponse response) => new()
    {
        ResponseId = response.Id,
        QuestionnaireId = response.QuestionnaireId,
        Window = response.Window.ToContract(),
        Answers = { response.Answers.Select(a => new V1.QuestionAnswer { QuestionNumber = a.QuestionNumber, Score = a.Score }) },
        SubmittedAt = response.SubmittedAt.ToTimestamp(),
    };

    public static V1.QuestionnaireResults ToContract(this QuestionnaireResults results, Window? window, ReportingPeriod period) => new()
    {
        QuestionnaireId = results.Questionnaire.Id,
        Title = results.Questionnaire.Title,
        Window = (window ?? Window.Unspecified).ToContract(),
        FromDate = ContractTranslation.Format(period.From),
        ToDate = ContractTranslation.Format(period.To),
        Responses = results.Responses,
        Questions =
        {
            results.Questions.Select(q => new V1.QuestionResult
            {
                Number = q.Question.Number,
                Text = q.Question.Text,
                Answers = q.Answers,
                AverageScore = q.Average,
                Distribution = { q.Distribution.Select(d => new V1.ScoreCount { Score = d.Key, Count = d.Value }) },
            }),
        },
    };
}
