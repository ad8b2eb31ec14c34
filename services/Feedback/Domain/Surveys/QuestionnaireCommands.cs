using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

public sealed record DefineQuestionnaireCommand(
    string? Title,
    Window? Window,
    IReadOnlyList<(string? Text, int ScaleMin, int ScaleMax)> Questions);

public sealed record AnswerQuestionnaireCommand(
    string? QuestionnaireId,
    Window Window,
    IReadOnlyList<Answer> Answers,
    string? Comment);
