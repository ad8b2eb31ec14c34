namespace CivilAffairs.Marriage.Domain;

/// <summary>Offices' own booking rules.</summary>
public interface IOfficeStore
{
    Task<OfficeSettings?> GetAsync(string officeId, CancellationToken cancellationToken);
    Task SaveAsync(OfficeSettings settings, CancellationToken cancellationToken);
}
