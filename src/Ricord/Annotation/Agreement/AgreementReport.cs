namespace Ricord.Annotation.Agreement;

/// <summary>
/// Everything the agreement step found for a reading project: each label group's categorical agreement, each
/// study's segmentation agreement per label, and the segmentation summaries over studies. Written as a flat
/// CSV (<see cref="WriteCsv"/>), the confusion matrices as CSV (<see cref="WriteConfusionCsv"/>), all of it as
/// JSON (<see cref="WriteJson"/>) and as an aligned text table (<see cref="WriteTable"/>).
/// </summary>
public sealed partial record AgreementReport(
    IReadOnlyList<CategoricalAgreement> Labels,
    IReadOnlyList<SegmentationAgreement> Segmentations,
    AgreementOptions Options)
{
    public IReadOnlyList<SegmentationPairSummary> SegmentationSummaries { get; } = SegmentationAgreementCalculator.Summarize(Segmentations);

    /// <summary>Every statistic as a row: label groups first, then segmentation summaries, then per-study segmentation rows.</summary>
    public IEnumerable<AgreementRow> Rows()
    {
        foreach (var g in Labels)
        {
            yield return Row("label", g.Group, "percent_agreement", "all", "", g.StudiesWithTwoOrMoreRatings, g.PercentAgreement);
            yield return Row("label", g.Group, "unanimity", "all", "", g.StudiesWithTwoOrMoreRatings, g.Unanimity);
            yield return Row("label", g.Group, "fleiss_kappa", "all", "", g.StudiesWithTwoOrMoreRatings, g.FleissKappa);
            foreach (var p in g.Pairs.Concat(g.VersusConsensus))
            {
                yield return Row("label", g.Group, "percent_agreement", p.ReaderA, p.ReaderB, p.Studies, p.PercentAgreement);
                yield return Row("label", g.Group, "cohen_kappa", p.ReaderA, p.ReaderB, p.Studies, p.CohenKappa);
                if (p.LinearKappa is { } linear)
                {
                    yield return Row("label", g.Group, "linear_weighted_kappa", p.ReaderA, p.ReaderB, p.Studies, linear);
                }

                if (p.QuadraticKappa is { } quadratic)
                {
                    yield return Row("label", g.Group, "quadratic_weighted_kappa", p.ReaderA, p.ReaderB, p.Studies, quadratic);
                }
            }
        }

        foreach (var s in SegmentationSummaries)
        {
            string? note = s.DefinedStudies < s.Studies ? $"{s.Studies - s.DefinedStudies} studies with both masks empty" : null;
            yield return Plain(s.Label, null, "mean_dice", s.ReaderA, s.ReaderB, s.DefinedStudies, s.MeanDice, note);
            yield return Plain(s.Label, null, "mean_iou", s.ReaderA, s.ReaderB, s.DefinedStudies, s.MeanIou, note);
            yield return Plain(s.Label, null, "pooled_dice", s.ReaderA, s.ReaderB, s.Studies, s.PooledDice, null);
            yield return Plain(s.Label, null, "mean_volume_difference_ml", s.ReaderA, s.ReaderB, s.Studies, s.MeanVolumeDifferenceMl, null);
            yield return Plain(s.Label, null, "mean_abs_volume_difference_ml", s.ReaderA, s.ReaderB, s.Studies, s.MeanAbsoluteVolumeDifferenceMl, null);
        }

        foreach (var s in Segmentations)
        {
            foreach (var v in s.Readers.Concat(s.Consensus is null ? [] : [s.Consensus]))
            {
                yield return Plain(s.Label, s.Study, "volume_ml", v.Reader, "", 1, v.VolumeMl, null) with { Patient = s.Patient };
            }

            foreach (var p in s.Pairs.Concat(s.VersusConsensus))
            {
                yield return Plain(s.Label, s.Study, "dice", p.ReaderA, p.ReaderB, 1, p.Dice, p.Note) with { Patient = s.Patient };
                yield return Plain(s.Label, s.Study, "iou", p.ReaderA, p.ReaderB, 1, p.Iou, p.Note) with { Patient = s.Patient };
                yield return Plain(s.Label, s.Study, "volume_difference_ml", p.ReaderA, p.ReaderB, 1, p.VolumeDifferenceMl, null) with { Patient = s.Patient };
            }
        }
    }

    private static AgreementRow Row(string kind, string group, string statistic, string a, string b, int n, Estimate e) =>
        new(kind, group, null, statistic, a, b, n, e.Value, e.Lower, e.Upper, e.Note);

    private static AgreementRow Plain(string label, string? study, string statistic, string a, string b, int n, double value, string? note) =>
        new("segmentation", label, study, statistic, a, b, n, value, double.NaN, double.NaN, note);
}
