using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>
/// A satisfaction questionnaire (满意度测评表) an administrator defines: scored questions, for one window or (when
/// <see cref="Window"/> is null) for whichever window the respondent evaluates.
/// </summary>
public sealed record Questionnaire(
    string Id,
    string Title,
    Window? Window,
    IReadOnlyList<Question> Questions,
    DateTimeOffset CreatedAt)
{
    public bool Equals(Questionnaire? other) =>
        other is not null && Id == other.Id && Title == other.Title && Window == other.Window && CreatedAt == other.CreatedAt
        && Questions.SequenceEqual(other.Questions);

    public override int GetHashCode() => HashCode.Combine(Id, Questions.Count);
}

/// <summary>One question, answered with a whole score from <see cref="ScaleMin"/> to <see cref="ScaleMax"/>.</summary>
public sealed record Question(int Number, string Text, int ScaleMin, int ScaleMax)
{
    public bool Accepts(int score) => score >= ScaleMin && score <= ScaleMax;
}
