using CivilAffairs.ServiceDefaults.Documents;

namespace CivilAffairs.SocialAssistance.Storage;

/// <summary>A refusal no rule of this service explains (a bug, never a user's mistake): nothing was written.</summary>
internal sealed class UnexpectedConflict(WriteConflict conflict) : Exception($"the store refused a write unexpectedly: {conflict}");
