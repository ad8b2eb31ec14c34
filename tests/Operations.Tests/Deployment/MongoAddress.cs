namespace CivilAffairs.Operations.Tests.Deployment;

/// <summary>The parts of a <c>mongodb://host:port,host:port/?replicaSet=…</c> connection string a deployment decides.</summary>
public sealed record MongoAddress(IReadOnlyList<string> Hosts, string? ReplicaSet)
{
    public static MongoAddress Parse(string connectionString)
    {
        const string scheme = "mongodb://";
        Assert.StartsWith(scheme, connectionString);
        var rest = connectionString[scheme.Length..];
        var slash = rest.IndexOf('/');
        var hosts = (slash < 0 ? rest : rest[..slash]).Split(',');
        var query = rest.Contains('?') ? rest[(rest.IndexOf('?') + 1)..] : "";
        var replicaSet = query.Split('&').Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p[0] == "replicaSet") is { Length: 2 } pair ? pair[1] : null;
        return new MongoAddress(hosts, replicaSet);
    }
}
