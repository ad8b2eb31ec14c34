using CivilAffairs.ServiceDefaults.Security;

namespace CivilAffairs.ServiceDefaults.Tests;

/// <summary>Service tokens signed with the development key, as a process in Development would present them.</summary>
internal static class TestCredentials
{
    public static ServiceTokens Tokens(string name) =>
        new(new ServiceCredentialOptions { Name = name, SigningKey = DevelopmentKeys.Private });
}
