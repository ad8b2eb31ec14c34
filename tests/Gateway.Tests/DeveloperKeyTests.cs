using CivilAffairs.Gateway.Partners;

namespace CivilAffairs.Gateway.Tests;

/// <summary>The README's developer key is public: a gateway outside Development refuses to start with it.</summary>
public sealed class DeveloperKeyTests
{
    [Fact]
    public void Outside_development_a_gateway_configured_with_the_developer_key_does_not_start()
    {
        using var gateway = new GatewayOnKestrel(GatewayOnKestrel.AllDown(), new Dictionary<string, string?>
        {
            ["Partners:try-it:ApiKeySha256"] = PartnerDirectory.HashOf("local-dev-key-not-a-secret"),
            ["Partners:try-it:Scopes:0"] = "marriage.read",
        });

        var refused = Assert.ThrowsAny<Exception>(gateway.StartServer);

        var reason = refused.GetBaseException().Message;
        Assert.Contains("Partners:try-it", reason);
        Assert.Contains("Development only", reason);
    }

    [Fact]
    public void A_partner_with_a_key_of_its_own_starts_the_same_gateway()
    {
        using var gateway = new GatewayOnKestrel(GatewayOnKestrel.AllDown(), new Dictionary<string, string?>
        {
            ["Partners:try-it:ApiKeySha256"] = PartnerDirectory.HashOf("a-key-of-its-own-" + Guid.NewGuid()),
            ["Partners:try-it:Scopes:0"] = "marriage.read",
        });

        gateway.StartServer();
    }
}
