namespace Ricord.Annotation.Agreement;

/// <summary>
/// Agreement of every reader on one label group. <see cref="PercentAgreement"/> is the mean, over studies
/// with two or more ratings, of the share of agreeing reader pairs; <see cref="Unanimity"/> the share of
/// those studies where every rating is the same; <see cref="FleissKappa"/> Fleiss' κ with a varying number
/// of raters per study (see <see cref="Kappa.Fleiss"/>). <see cref="VersusConsensus"/> compares each reader
/// with the consensus (given, or the strict majority of the ratings of a study with two or more ratings); a
/// majority consensus includes the reader's own rating, so it flatters each reader (as in RICORD's own reporting).
/// </summary>
public sealed record CategoricalAgreement(
    string Group,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Readers,
    int Studies,
    int StudiesWithTwoOrMoreRatings,
    Estimate PercentAgreement,
    Estimate Unanimity,
    Estimate FleissKappa,
    IReadOnlyList<PairAgreement> Pairs,
    IReadOnlyList<PairAgreement> VersusConsensus);
