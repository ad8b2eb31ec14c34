using CivilAffairs.Feedback.Domain;
using CivilAffairs.Feedback.Storage;
using CivilAffairs.Feedback.Tests.Support;
using CivilAffairs.ServiceDefaults.Documents;
using CivilAffairs.SharedKernel;

namespace CivilAffairs.Feedback.Tests.Domain;

public sealed class QuestionnairesTests : SqliteDomainTest
{
    private Questionnaires _questionnaires = null!;

    protected override void Start(IDocumentStore store) => _questionnaires = new Questionnaires(new QuestionnaireStore(store), Clock);

    private Task<Questionnaire> DefineAsync(Window? window = null) => _questionnaires.DefineAsync(new DefineQuestionnaireCommand(
        "2026年第四季度满意度测评", window, [("服务态度", 1, 5), ("办事效率", 1, 5), ("是否愿意推荐", 0, 1)]));

    [Fact]
    public async Task A_definition_numbers_its_questions_and_every_bad_part_is_named()
    {
        var defined = await DefineAsync();
        var error = await Assert.ThrowsAsync<ValidationFailed>(() => _questionnaires.DefineAsync(
            new DefineQuestionnaireCommand("", Window.Unspecified, [("", 1, 5), ("好", 3, 3), ("好", 1, 11)])));

        Assert.Equal([1, 2, 3], defined.Questions.Select(q => q.Number));
        Assert.Equal(["title", "window", "questions[0].text", "questions[1].scale_max", "questions[2].scale_max"],
            error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Answers_must_cover_every_question_once_within_its_scale()
    {
        var q = await DefineAsync(Window.ElderlyCare);

        var missing = await Assert.ThrowsAsync<ValidationFailed>(() => _questionnaires.AnswerAsync(
            new AnswerQuestionnaireCommand(q.Id, Window.ElderlyCare, [new(1, 5), new(2, 5)], null)));
        var outOfScale = await Assert.ThrowsAsync<ValidationFailed>(() => _questionnaires.AnswerAsync(
            new AnswerQuestionnaireCommand(q.Id, Window.ElderlyCare, [new(1, 5), new(2, 6), new(3, 1)], null)));
        var otherWindow = await Assert.ThrowsAsync<ValidationFailed>(() => _questionnaires.AnswerAsync(
            new AnswerQuestionnaireCommand(q.Id, Window.PlaceNames, [new(1, 5), new(2, 5), new(3, 1)], null)));
        await Assert.ThrowsAsync<NotFound>(() => _questionnaires.AnswerAsync(
            new AnswerQuestionnaireCommand("q-unknown", Window.ElderlyCare, [], null)));

        Assert.Equal("answers", missing.Violations.Single().Field);
        Assert.Equal("answers[1].score", outOfScale.Violations.Single().Field);
        Assert.Equal("window", otherWindow.Violations.Single().Field);
    }

    [Fact]
    public async Task Results_average_each_question_per_window_and_period_with_the_whole_scale_listed()
    {
        var q = await DefineAsync();
        await _questionnaires.AnswerAsync(new AnswerQuestionnaireCommand(q.Id, Window.ElderlyCare, [new(1, 5), new(2, 4), new(3, 1)], null));
        await _questionnaires.AnswerAsync(new AnswerQuestionnaireCommand(q.Id, Window.ElderlyCare, [new(3, 0), new(2, 2), new(1, 4)], "排队久"));
        await _questionnaires.AnswerAsync(new AnswerQuestionnaireCommand(q.Id, Window.PlaceNames, [new(1, 1), new(2, 1), new(3, 0)], null));
        Time.Advance(TimeSpan.FromDays(1));
        await _questionnaires.AnswerAsync(new AnswerQuestionnaireCommand(q.Id, Window.ElderlyCare, [new(1, 1), new(2, 1), new(3, 0)], null));

        var day = new DateOnly(2026, 11, 2);
        var elderly = await _questionnaires.ResultsAsync(q.Id, Window.ElderlyCare, new ReportingPeriod(day, day));
        var all = await _questionnaires.ResultsAsync(q.Id, null, ReportingPeriod.Always);

        Assert.Equal(2, elderly.Responses);
        Assert.Equal(4.5, elderly.Questions[0].Average);
        Assert.Equal([0, 0, 0, 1, 1], elderly.Questions[0].Distribution.Select(d => d.Value));
        Assert.Equal([1, 2, 3, 4, 5], elderly.Questions[0].Distribution.Select(d => d.Key));
        Assert.Equal(0.5, elderly.Questions[2].Average);
        Assert.Equal(4, all.Responses);
        Assert.Equal(4, all.Questions[1].Answers);
        Assert.Equal(2.0, all.Questions[1].Average);
    }
}
