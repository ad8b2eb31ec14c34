using CivilAffairs.Operations.Tests.Deployment;

namespace CivilAffairs.Operations.Tests;

/// <summary>The judge of the deployment files' keys: it must refuse what no code reads, or its approval means nothing.</summary>
public sealed class ConfigurationKeysTests
{
    [Theory]
    [InlineData("marriage", "Storage__Provder")]                       // a typo
    [InlineData("gateway", "Storage__Provider")]                       // the gateway has no store
    [InlineData("feedback", "Services__marriage__Grpc")]               // feedback calls staff-conduct only
    [InlineData("marriage", "Services__passports__Grpc")]
    [InlineData("marriage", "Kestrel__Endpoints__Https__Url")]         // no such endpoint in appsettings.json
    [InlineData("gateway", "ReverseProxy__Clusters__passports__Destinations__primary__Address")]
    [InlineData("staff-conduct", "Outbox__PollInterval")]              // staff-conduct only consumes events
    [InlineData("marriage", "Outbox__PollEvery")]
    [InlineData("marriage", "Partners__township-hall__ApiKeySha256")] // only the gateway knows partners
    [InlineData("gateway", "Partners__township-hall__ApiKey")]          // keys are stored hashed, never as such
    [InlineData("gateway", "Partners__township-hall__Scopes__read")]
    [InlineData("gateway", "Jwt__Secret")]
    [InlineData("gateway", "Jwt__SigningKeysBase64__old")]
    [InlineData("marriage", "Jwt__Jwks")]                            // only the gateway checks tokens
    [InlineData("marriage", "ServiceAuth__Trusted__passports")]      // no process of that name calls anyone
    [InlineData("marriage", "ServiceAuth__Trusted")]                 // trusted keys are per caller
    [InlineData("marriage", "ServiceAuth__SigningKeyPem")]
    [InlineData("gateway", "Management__Path")]
    public void Refuses_a_key_no_code_reads(string app, string variable) =>
        Assert.NotNull(ConfigurationKeys.WhyUnread(App.Named(app), variable));

    [Theory]
    [InlineData("marriage", "Storage__Provider")]
    [InlineData("marriage", "Services__feedback__Grpc")]
    [InlineData("social-assistance", "Services__staff-conduct__Grpc")]
    [InlineData("staff-conduct", "Services__feedback__Grpc")]
    [InlineData("marriage", "Outbox__PollInterval")]
    [InlineData("feedback", "Outbox__PollInterval")]
    [InlineData("feedback", "Services__staff-conduct__Grpc")]
    [InlineData("staff-conduct", "Resilience__Grpc__TotalTimeout")]
    [InlineData("gateway", "ReverseProxy__Clusters__feedback-grpc__Destinations__primary__Address")]
    [InlineData("gateway", "Partners__township-hall__ApiKeySha256")]
    [InlineData("gateway", "Partners__township-hall__Scopes__0")]
    [InlineData("gateway", "Jwt__SigningKeyBase64")]
    [InlineData("gateway", "Jwt__SigningKeysBase64__1")]
    [InlineData("gateway", "Jwt__Jwks")]
    [InlineData("feedback", "Logging__Console__FormatterName")]
    [InlineData("gateway", "RateLimits__Anonymous__PermitLimit")]
    [InlineData("marriage", "ServiceAuth__SigningKey")]
    [InlineData("gateway", "ServiceAuth__SigningKey")]
    [InlineData("staff-conduct", "ServiceAuth__Trusted__feedback")]
    [InlineData("feedback", "ServiceAuth__TokenLifetime")]
    [InlineData("social-assistance", "Management__Port")]
    public void Accepts_a_key_the_code_reads(string app, string variable) =>
        Assert.Null(ConfigurationKeys.WhyUnread(App.Named(app), variable));
}
