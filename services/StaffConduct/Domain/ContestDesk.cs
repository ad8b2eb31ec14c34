namespace CivilAffairs.StaffConduct.Domain;

/// <summary>Skills contests and drills: create them, score the participants, give each staff member's results.</summary>
public sealed class ContestDesk(StaffRegistry registry, IStaffDirectory directory, IContestBook book, BureauClock clock)
{
    public async Task<Contest> CreateAsync(string? title, Window window, string? heldOn, double maxScore, CancellationToken cancellationToken = default)
    {
        var v = new Validator();
        var name = Text.Require(title, "title", Text.MaxLine, v);
        v.Require(window == Window.Unspecified || window.IsDefined(), "window", "must be one of the ten window types, or unset for all");
        var on = Text.Date(heldOn, "held_on", v);
        v.Require(maxScore is > 0 and <= Contest.HighestMaxScore, "max_score", $"must be above 0 and at most {Contest.HighestMaxScore}");
        v.ThrowIfInvalid();

        var contest = new Contest(Ids.New(), name, window, on, maxScore, clock.Now, []);
        await book.AddAsync(contest, cancellationToken);
        return contest;
    }

    public async Task<Contest> ScoreAsync(string? contestId, IReadOnlyList<(string? StaffId, double Score)> scores,
        CancellationToken cancellationToken = default)
    {
        var id = Text.RequireId(contestId, "contest_id");
        var contest = await GetAsync(id, cancellationToken);
        var v = new Validator();
        v.Require(scores.Count > 0, "scores", "must hold at least one participant's score");
        var seen = new HashSet<string>();
        var clean = new List<ContestScore>();
        for (var i = 0; i < scores.Count; i++)
        {
            var staffId = Text.RequireId(scores[i].StaffId, $"scores[{i}].staff_id", v);
            v.Require(staffId.Length == 0 || seen.Add(staffId), $"scores[{i}].staff_id", "appears twice; each participant is scored once");
            v.Require(scores[i].Score >= 0 && scores[i].Score <= contest.MaxScore, $"scores[{i}].score", $"must be between 0 and {contest.MaxScore}");
            clean.Add(new ContestScore(staffId, scores[i].Score, clock.Now));
        }
        v.ThrowIfInvalid();

        var staff = (await directory.ListByIdsAsync(seen, cancellationToken)).ToDictionary(s => s.Id);
        foreach (var score in clean)
        {
            if (!staff.TryGetValue(score.StaffId, out var member)) throw new NotFound("staff member", score.StaffId);
            if (contest.Window != Window.Unspecified) StaffRegistry.RequireServes(member, contest.Window);
        }

        if (await book.AddScoresAsync(id, clean, cancellationToken) == ScoresWrite.Written) return contest with { Scores = [.. contest.Scores, .. clean] };
        throw new AlreadyExists("contest score", "a participant of this batch is already scored in this contest; each participant is scored once");
    }

    public async Task<Contest> GetAsync(string? contestId, CancellationToken cancellationToken = default)
    {
        var id = Text.RequireId(contestId, "contest_id");
        return await book.GetAsync(id, cancellationToken) ?? throw new NotFound("contest", id);
    }

    /// <summary>The participants' names, for the results board.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(Contest contest, CancellationToken cancellationToken = default) =>
        (await directory.ListByIdsAsync(contest.Scores.Select(s => s.StaffId).ToList(), cancellationToken))
        .ToDictionary(s => s.Id, s => s.Profile.Name);

    public async Task<(StaffMember Staff, IReadOnlyList<StaffContestResult> Results)> ResultsOfAsync(string? staffId, CancellationToken cancellationToken = default)
    {
        var member = await registry.GetAsync(staffId, cancellationToken);
        var contests = await book.ListForStaffAsync(member.Id, cancellationToken);
        return (member, contests.Select(c =>
        {
            var (score, rank) = c.Ranked().First(r => r.Score.StaffId == member.Id);
            return new StaffContestResult(c, score.Score, rank);
        }).ToList());
    }
}

public sealed record StaffContestResult(Contest Contest, double Score, int Rank);
