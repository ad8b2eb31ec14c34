namespace CivilAffairs.Feedback.Domain;

/// <summary>A questionnaire's aggregated answers for a window (or all) and a period.</summary>
public sealed record QuestionnaireResults(Questionnaire Questionnaire, int Responses, IReadOnlyList<QuestionResult> Questions);

/// <summary>One question's answers: how many, the average score, and how many gave each score on the scale.</summary>
public sealed record QuestionResult(Question Question, int Answers, double Average, IReadOnlyList<KeyValuePair<int, int>> Distribution)
{
    public static QuestionResult From(Question question, IEnumerable<ScoreCount> counts)
    {
        var byScore = counts.Where(c => c.QuestionNumber == question.Number).ToDictionary(c => c.Score, c => c.Count);
        var distribution = Enumerable.Range(question.ScaleMin, question.ScaleMax - question.ScaleMin + 1)
            .Select(score => KeyValuePair.Create(score, byScore.GetValueOrDefault(score)))
            .ToList();
        var answers = distribution.Sum(d => d.Value);
        var average = answers == 0 ? 0 : (double)distribution.Sum(d => d.Key * d.Value) / answers;
        return new QuestionResult(question, answers, average, distribution);
    }
}
