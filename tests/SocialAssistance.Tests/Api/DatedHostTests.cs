namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>A host per test whose clock starts on the day the test needs (the clock only moves forward).</summary>
public abstract class DatedHostTests(DateOnly startsOn) : IAsyncLifetime
{
    protected AssistanceHost Host { get; } = AssistanceHost.StartingOn(startsOn);
    protected CaseSteps Steps => new(Host);

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Host).DisposeAsync();
}
