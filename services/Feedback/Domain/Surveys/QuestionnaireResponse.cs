using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>One member of the public's answers to a questionnaire, about one window. Anonymous by design: no
/// name or contact is asked for.</summary>
public sealed record QuestionnaireResponse(
    string Id,
    string QuestionnaireId,
    Window Window,
    IReadOnlyList<Answer> Answers,
    string? Comment,
    DateTimeOffset SubmittedAt,
    DateOnly SubmittedOn)
{
    public bool Equals(QuestionnaireResponse? other) =>
        other is not null && Id == other.Id && QuestionnaireId == other.QuestionnaireId && Window == other.Window
        && Comment == other.Comment && SubmittedAt == other.SubmittedAt && SubmittedOn == other.SubmittedOn
        && Answers.SequenceEqual(other.Answers);

    public override int GetHashCode() => HashCode.Combine(Id, Answers.Count);
}

public sealed record Answer(int QuestionNumber, int Score);

/// <summary>How many answers gave a question a score: the store's aggregate, from which results are built.</summary>
public sealed record ScoreCount(int QuestionNumber, int Score, int Count);
