using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Questionnaires and the public's responses. Neither is changed or deleted.</summary>
public interface IQuestionnaireStore
{
    Task AddAsync(Questionnaire questionnaire, CancellationToken cancellationToken = default);

    Task<Questionnaire?> FindAsync(string questionnaireId, CancellationToken cancellationToken = default);

    Task AddResponseAsync(QuestionnaireResponse response, CancellationToken cancellationToken = default);

    /// <summary>Answers per question and score, for one window or all, in the period.</summary>
    Task<IReadOnlyList<ScoreCount>> CountScoresAsync(string questionnaireId, Window? window, ReportingPeriod period,
        CancellationToken cancellationToken = default);

    /// <summary>How many responses there are, for one window or all, in the period.</summary>
    Task<int> CountResponsesAsync(string questionnaireId, Window? window, ReportingPeriod period, CancellationToken cancellationToken = default);
}
