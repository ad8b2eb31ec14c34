using CivilAffairs.Gateway.Partners;
using Microsoft.Extensions.Configuration;

namespace CivilAffairs.Gateway.Tests;

/// <summary>Keys are stored hashed, and a key once verified is not hashed again on the partner's next calls.</summary>
public sealed class ApiKeyVerificationTests
{
    private static PartnerDirectory Directory() =>
        new(new ConfigurationBuilder().AddInMemoryCollection(TestPartners.Settings()).Build());

    [Fact]
    public void A_known_key_is_hashed_once_however_often_the_partner_calls()
    {
        var partners = Directory();

        for (var call = 0; call < 1000; call++)
            Assert.Equal("marriage-reader", partners.FindByApiKey(TestPartners.MarriageReaderKey)?.Name);

        Assert.Equal(1, partners.HashesComputed);
    }

    [Fact]
    public void An_unknown_key_is_refused_every_time_and_remembered_only_while_there_is_room()
    {
        var partners = Directory();

        for (var call = 0; call < 3; call++) Assert.Null(partners.FindByApiKey("not-a-key-anyone-has"));
        Assert.Equal(1, partners.HashesComputed);

        for (var i = 0; i < PartnerDirectory.MaxRemembered + 100; i++) Assert.Null(partners.FindByApiKey($"guess-{i}"));
        Assert.Equal(PartnerDirectory.MaxRemembered, partners.Remembered);
        // A real key still gets in, and is remembered, after a flood of guesses.
        Assert.Equal("all-scopes", partners.FindByApiKey(TestPartners.AllScopesKey)?.Name);
        Assert.Equal("all-scopes", partners.FindByApiKey(TestPartners.AllScopesKey)?.Name);
        Assert.Equal(PartnerDirectory.MaxRemembered + 1, partners.Remembered);
    }

    [Fact]
    public void A_key_that_hashes_like_a_stored_one_but_differs_in_case_is_another_key()
    {
        var partners = Directory();

        Assert.NotNull(partners.FindByApiKey(TestPartners.AllScopesKey));
        Assert.Null(partners.FindByApiKey(TestPartners.AllScopesKey.ToUpperInvariant()));
    }
}
