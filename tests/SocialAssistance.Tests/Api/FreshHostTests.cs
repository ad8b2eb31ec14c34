namespace CivilAffairs.SocialAssistance.Tests.Api;

/// <summary>A host per test, for tests that move the bureau's clock forward from Monday 2 November 2026.</summary>
public abstract class FreshHostTests : IAsyncLifetime
{
    protected AssistanceHost Host { get; }
    protected CaseSteps Steps { get; }

    protected FreshHostTests(bool throughGateway = false)
    {
        Host = throughGateway ? AssistanceHost.ThroughGateway() : new AssistanceHost();
        Steps = new CaseSteps(Host);
    }

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Host).DisposeAsync();
}
