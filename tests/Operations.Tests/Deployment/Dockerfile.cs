namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>A Dockerfile as its stages of instructions (continuation lines joined), enough to check what it builds.</summary>
public sealed class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    public sealed record Stage(string Image, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<string> All(string keyword) =>
            Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
    }

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    public Dockerfile(string relativePath)
    {
        var logical = new List<string>();
        var current = "";
        foreach (var raw in Repository.Read(relativePath).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && line.TrimStart().StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            if (current.Trim().Length > 0) logical.Add(current.Trim());
            current = "";
        }

        var stages = new List<Stage>();
        List<Instruction>? instructions = null;
        foreach (var line in logical)
        {
            var space = line.IndexOf(' ');
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                instructions = [];
                stages.Add(new Stage(arguments.Split(' ')[0], instructions));
            }
            instructions?.Add(new Instruction(keyword, arguments));
        }
        Stages = stages;
    }
}
