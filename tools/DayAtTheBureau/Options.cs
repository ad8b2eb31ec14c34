using System.Net;

namespace CivilAffairs.DayAtTheBureau;

/// <summary>
/// Command line: <c>--gateway http://localhost:5000</c> (loopback only: this is demo traffic for a platform on this
/// machine, never for a real one), <c>--pace 40</c> (milliseconds between requests), <c>--seed 2026</c>,
/// <c>--api-key</c> (the partner key sent as X-Api-Key; by default the local developer's key that the run command's
/// gateway accepts).
/// </summary>
public sealed record Options(Uri Gateway, TimeSpan Pace, int Seed, string ApiKey)
{
    public static Options Parse(string[] args)
    {
        var gateway = new Uri("http://localhost:5000");
        var pace = TimeSpan.FromMilliseconds(40);
        var seed = 2026;
        var apiKey = "local-dev-key-not-a-secret";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--gateway": gateway = new Uri(value.TrimEnd('/')); i++; break;
                case "--pace": pace = TimeSpan.FromMilliseconds(int.Parse(value)); i++; break;
                case "--seed": seed = int.Parse(value); i++; break;
                case "--api-key": apiKey = value; i++; break;
                default: throw new ArgumentException($"unknown option {args[i]} (known: --gateway, --pace, --seed, --api-key)");
            }
        }
        if (!IsLoopback(gateway))
            throw new ArgumentException($"{gateway} is not on this machine: the demo only talks to a loopback gateway");
        return new Options(gateway, pace, seed, apiKey);
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));
}
