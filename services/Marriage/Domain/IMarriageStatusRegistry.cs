namespace CivilAffairs.Marriage.Domain;

/// <summary>What a marital-status check found for one person, and what it consulted.</summary>
public sealed record MaritalStatusAnswer(bool HasStandingMarriage, string Checked);

/// <summary>
/// The bigamy check at registration: does this person have a standing marriage? Today one adapter answers from this
/// platform's own archive; a connection to the national marriage registration system would be a second adapter, and the
/// answer says which was consulted.
/// </summary>
public interface IMarriageStatusRegistry
{
    /// <summary>What this registry consults, in words, e.g. "this platform's archive".</summary>
    string Consulted { get; }

    Task<MaritalStatusAnswer> StatusOfAsync(string idNumber, CancellationToken cancellationToken);
}
