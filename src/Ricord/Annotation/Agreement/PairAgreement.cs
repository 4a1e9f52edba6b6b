namespace Ricord.Annotation.Agreement;

/// <summary>
/// Agreement of two readers (or a reader and the consensus, <see cref="ReaderB"/> = "consensus") on the
/// studies both rated: percent agreement, Cohen's κ, linearly and quadratically weighted κ (null where the
/// group is not ordinal; computed over the studies where both categories have a rank) and the confusion matrix.
/// </summary>
public sealed record PairAgreement(
    string ReaderA,
    string ReaderB,
    int Studies,
    Estimate PercentAgreement,
    Estimate CohenKappa,
    Estimate? LinearKappa,
    Estimate? QuadraticKappa,
    ConfusionMatrix Confusion);
