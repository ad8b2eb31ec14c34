using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Domain;

/// <summary>Satisfaction questionnaires: defined by an administrator, answered by the public, aggregated per
/// window and period.</summary>
public sealed class Questionnaires(IQuestionnaireStore store, OfficeClock clock)
{
    public const int MaxTitleLength = 100;
    public const int MaxQuestionLength = 200;
    public const int MaxQuestions = 50;
    public const int MaxScale = 10;

    public async Task<Questionnaire> DefineAsync(DefineQuestionnaireCommand command, CancellationToken cancellationToken = default)
    {
        var validator = new Validator()
            .RequireText(command.Title, "title", MaxTitleLength)
            .Require(command.Window is null || command.Window.Value.IsDefined(), "window", "must be one of the ten window types, or unspecified for all")
            .Require(command.Questions.Count is > 0 and <= MaxQuestions, "questions", $"must hold 1 to {MaxQuestions} questions");
        for (var i = 0; i < command.Questions.Count; i++)
        {
            var (text, min, max) = command.Questions[i];
            validator.RequireText(text, $"questions[{i}].text", MaxQuestionLength)
                .Require(min >= 0, $"questions[{i}].scale_min", "must not be negative")
                .Require(max > min && max <= MaxScale, $"questions[{i}].scale_max", $"must be above scale_min and at most {MaxScale}");
        }
        validator.ThrowIfInvalid();

        var questionnaire = new Questionnaire("q-" + Guid.CreateVersion7().ToString("N"), command.Title!.Trim(), command.Window,
            command.Questions.Select((q, i) => new Question(i + 1, q.Text!.Trim(), q.ScaleMin, q.ScaleMax)).ToList(), clock.Now);
        await store.AddAsync(questionnaire, cancellationToken);
        return questionnaire;
    }

    public async Task<Questionnaire> GetAsync(string? questionnaireId, CancellationToken cancellationToken = default)
    {
        var id = TextRules.Clean(questionnaireId) ?? throw new ValidationFailed("questionnaire_id", "is required");
        return await store.FindAsync(id, cancellationToken) ?? throw new NotFound("questionnaire", id);
    }

    public async Task<QuestionnaireResponse> AnswerAsync(AnswerQuestionnaireCommand command, CancellationToken cancellationToken = default)
    {
        var questionnaire = await GetAsync(command.QuestionnaireId, cancellationToken);
        var validator = new Validator()
            .Require(command.Window.IsDefined(), "window", "is required: the window the answers are about")
            .Require(questionnaire.Window is null || !command.Window.IsDefined() || questionnaire.Window == command.Window, "window",
                $"this questionnaire is about {questionnaire.Window?.Code()} only")
            .LimitText(command.Comment, "comment", Ratings.MaxCommentLength);
        var answered = command.Answers.Select(a => a.QuestionNumber).ToList();
        validator.Require(answered.Order().SequenceEqual(questionnaire.Questions.Select(q => q.Number)), "answers",
            $"must answer each of the {questionnaire.Questions.Count} questions exactly once");
        for (var i = 0; i < command.Answers.Count; i++)
        {
            var question = questionnaire.Questions.FirstOrDefault(q => q.Number == command.Answers[i].QuestionNumber);
            if (question is not null && !question.Accepts(command.Answers[i].Score))
                validator.Add($"answers[{i}].score", $"must be from {question.ScaleMin} to {question.ScaleMax}");
        }
        validator.ThrowIfInvalid();

        var now = clock.Now;
        var response = new QuestionnaireResponse("qr-" + Guid.CreateVersion7().ToString("N"), questionnaire.Id, command.Window,
            command.Answers.OrderBy(a => a.QuestionNumber).ToList(), TextRules.Clean(command.Comment), now, clock.DayOf(now));
        await store.AddResponseAsync(response, cancellationToken);
        return response;
    }

    public async Task<QuestionnaireResults> ResultsAsync(string? questionnaireId, Window? window, ReportingPeriod period,
        CancellationToken cancellationToken = default)
    {
        var questionnaire = await GetAsync(questionnaireId, cancellationToken);
        var counts = await store.CountScoresAsync(questionnaire.Id, window, period, cancellationToken);
        var responses = await store.CountResponsesAsync(questionnaire.Id, window, period, cancellationToken);
        return new QuestionnaireResults(questionnaire, responses, questionnaire.Questions.Select(q => QuestionResult.From(q, counts)).ToList());
    }
}
