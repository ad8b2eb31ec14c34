using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.Marriage.Storage;

/// <summary>A change read at a version is tried again when someone changed the document meanwhile, a few times at most.</summary>
internal static class Retries
{
    public const int Attempts = 5;

    public static InvalidOperationException Unexpected(WriteConflict conflict) => new($"the marriage store refused a change: {conflict}");
}
