using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record DefineQuestionnaireCommand(
    string? Title,
    Window? Window,
    IReadOnlyList<(string? Text, int ScaleMin, int ScaleMax)> Questions,
    string? IdempotencyKey = null)
{
    public string Fingerprint() => Domain.Fingerprint.Of("questionnaire", Title, (int?)Window,
        string.Join('\u001e', Questions.Select(q => $"{q.Text}\u001d{q.ScaleMin}\u001d{q.ScaleMax}")));
}

public sealed record AnswerQuestionnaireCommand(
    string? QuestionnaireId,
    Window Window,
    IReadOnlyList<Answer> Answers,
    string? Comment,
    string? IdempotencyKey = null)
{
    public string Fingerprint() => Domain.Fingerprint.Of("answer", QuestionnaireId, (int)Window,
        string.Join(',', Answers.Select(a => $"{a.QuestionNumber}:{a.Score}")), Comment);
}
