namespace CivilAffairs.Gateway;

/// <summary>
/// Names the gateway's assembly for hosts in tests (<c>WebApplicationFactory&lt;GatewayEntryPoint&gt;</c>); the
/// services' Api classes play this part for them, so one test process can host several apps unambiguously.
/// </summary>
public sealed class GatewayEntryPoint;
