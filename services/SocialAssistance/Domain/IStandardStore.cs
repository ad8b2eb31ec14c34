namespace CivilAffairs.SocialAssistance.Domain;

/// <summary>Where the standards the bureau publishes through the service are kept (configured ones are not stored).</summary>
public interface IStandardStore
{
    /// <summary>Stores the standard; false (nothing stored) when the county already has one from that date.</summary>
    Task<bool> AddAsync(LocalStandard standard);

    Task<IReadOnlyList<LocalStandard>> ListAsync(string countyCode);
}
