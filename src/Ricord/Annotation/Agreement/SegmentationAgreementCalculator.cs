namespace Ricord.Annotation.Agreement;

/// <summary>Segmentation agreement per label: per study (<see cref="Compute"/>) and over studies (<see cref="Summarize"/>).</summary>
public static class SegmentationAgreementCalculator
{
    public static SegmentationAgreement Compute(string study, string label, IReadOnlyList<ReaderMask> masks, VoxelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(geometry);
        var volumes = masks.Select(m => new ReaderVolume(m.Reader, m.Mask.VoxelCount, geometry.VolumeMl(m.Mask.VoxelCount))).ToList();
        var pairs = new List<MaskOverlap>();
        for (int a = 0; a < masks.Count; a++)
        {
            for (int b = a + 1; b < masks.Count; b++)
            {
                pairs.Add(MaskOverlap.Of(masks[a].Reader, masks[a].Mask, masks[b].Reader, masks[b].Mask, geometry));
            }
        }

        if (masks.Count < 2)
        {
            return new SegmentationAgreement(study, label, geometry, volumes, null, pairs, []);
        }

        var consensus = MaskVolume.Majority([.. masks.Select(m => m.Mask)]);
        const string name = CategoricalAgreementCalculator.ConsensusName;
        var versus = masks.Select(m => MaskOverlap.Of(m.Reader, m.Mask, name, consensus, geometry)).ToList();
        return new SegmentationAgreement(study, label, geometry, volumes, new ReaderVolume(name, consensus.VoxelCount, geometry.VolumeMl(consensus.VoxelCount)), pairs, versus);
    }

    public static IReadOnlyList<SegmentationPairSummary> Summarize(IEnumerable<SegmentationAgreement> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        return [.. studies
            .SelectMany(s => s.Pairs.Concat(s.VersusConsensus).Select(p => (s.Label, Pair: p)))
            .GroupBy(t => (t.Label, t.Pair.ReaderA, t.Pair.ReaderB))
            .Select(g =>
            {
                var all = g.Select(t => t.Pair).ToList();
                var defined = all.Where(p => !double.IsNaN(p.Dice)).ToList();
                long sum = all.Sum(p => p.VoxelsA + p.VoxelsB);
                return new SegmentationPairSummary(
                    g.Key.Label, g.Key.ReaderA, g.Key.ReaderB, all.Count, defined.Count,
                    defined.Count == 0 ? double.NaN : defined.Average(p => p.Dice),
                    defined.Count == 0 ? double.NaN : defined.Average(p => p.Iou),
                    sum == 0 ? double.NaN : 2.0 * all.Sum(p => p.IntersectionVoxels) / sum,
                    all.Average(p => p.VolumeDifferenceMl),
                    all.Average(p => Math.Abs(p.VolumeDifferenceMl)));
            })];
    }
}
