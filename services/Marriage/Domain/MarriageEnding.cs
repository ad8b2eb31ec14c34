namespace CivilAffairs.Marriage.Domain;

public enum EndingKind { DivorceByAgreement = 1, CourtJudgment = 2, CourtMediation = 3, DeathOfSpouse = 4, DeclaredInvalid = 5, AnnulledByCourt = 6 }

public enum DeathEvidence { DeathCertificate = 1, CremationCertificate = 2 }

/// <summary>Civil Code 1051 (invalid: bigamy, close relatives, under age) and 1052-1053 (annulled: coercion, an
/// undisclosed serious illness).</summary>
public enum NullityGround { Bigamy = 1, CloseRelatives = 2, UnderAge = 3, Coercion = 4, UndisclosedSeriousIllness = 5 }

/// <summary>
/// How and when a marriage ended, with its evidence: the death of a spouse (the death or cremation certificate), a
/// court's divorce (court, case number), a court's declaration of invalidity or annulment (and its ground), or a divorce
/// by agreement registered here. <paramref name="EffectiveOn"/> is the date of death or the date the decision took effect.
/// </summary>
public sealed record MarriageEnding(
    EndingKind Kind,
    DateOnly EffectiveOn,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? Court = null,
    string? CaseNumber = null,
    NullityGround? Ground = null,
    DeathEvidence? DeathEvidence = null,
    string? EvidenceNumber = null,
    int? DeceasedParty = null,
    string? DivorceCertificateNumber = null)
{
    /// <summary>The status the record takes when the marriage ends this way.</summary>
    public MarriageStatus Status => Kind switch
    {
        EndingKind.DeathOfSpouse => MarriageStatus.Widowed,
        EndingKind.DeclaredInvalid => MarriageStatus.Invalid,
        EndingKind.AnnulledByCourt => MarriageStatus.Annulled,
        _ => MarriageStatus.Dissolved,
    };

    /// <summary>Invalid from the start (1051) or annulled (1052-1053).</summary>
    public static EndingKind KindOf(NullityGround ground) =>
        ground is NullityGround.Coercion or NullityGround.UndisclosedSeriousIllness ? EndingKind.AnnulledByCourt : EndingKind.DeclaredInvalid;
}
