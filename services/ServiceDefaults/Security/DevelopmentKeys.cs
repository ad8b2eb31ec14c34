namespace CivilAffairs.ServiceDefaults.Security;

/// <summary>
/// The key every process uses in the Development environment when none is configured, so the developer run and the
/// tests need no set-up. It is public (it is in the repository): outside Development a process refuses to start with it.
/// </summary>
internal static class DevelopmentKeys
{
    public const string Private = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgGtBJ1fkBuiSJ51Pl
        IbX4aWpvzyp/BbqFAHM8uCuZOfKhRANCAAQcDWN3jd0SSaj0MiqRKkGck+33Z6Js
        JcTeU1kjmARMoCkm/OBPIeOl4AeEPssWPmx5Ku65St/4bzoTM6FSGibm
        -----END PRIVATE KEY-----
        """;

    public const string Public = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEHA1jd43dEkmo9DIqkSpBnJPt92ei
        bCXE3lNZI5gETKApJvzgTyHjpeAHhD7LFj5seSruuUrf+G86EzOhUhom5g==
        -----END PUBLIC KEY-----
        """;

    /// <summary>Every caller of the platform, each trusted with the development key.</summary>
    public static readonly string[] Callers = ["gateway", "marriage", "social-assistance", "staff-conduct", "feedback"];

    public static bool IsDevelopmentKey(string? pem) =>
        pem is not null && (Normalize(pem) == Normalize(Private) || Normalize(pem) == Normalize(Public));

    private static string Normalize(string pem) => string.Concat(pem.Where(c => !char.IsWhiteSpace(c)));
}
