namespace CivilAffairs.Marriage.Domain;

/// <summary>An office's booking rules: its own when an operator configured them, the configured defaults otherwise.</summary>
public sealed class Offices(IOfficeStore store, MarriageOptions options)
{
    public async Task<OfficeSettings> GetAsync(string officeId, CancellationToken cancellationToken) =>
        await store.GetAsync(officeId, cancellationToken) ?? OfficeSettings.Defaults(officeId, options);

    public async Task<OfficeSettings> ConfigureAsync(OfficeSettings settings, CancellationToken cancellationToken)
    {
        await store.SaveAsync(settings, cancellationToken);
        return settings;
    }
}
