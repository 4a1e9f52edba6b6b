using System.Globalization;
using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Imaging.Volumes;

public sealed partial class SeriesVolume
{
    private static readonly DicomTag SliceThicknessTag = new(0x0018, 0x0050);
    private static readonly DicomTag SpacingBetweenSlicesTag = new(0x0018, 0x0088);

    /// <summary>
    /// Most positions present more than once is not a few duplicates but several passes over the same range (e.g. two
    /// acquisitions in one series): split them by Acquisition Number when that tells them apart, keep the largest.
    /// </summary>
    private static List<SliceGeometry> SplitRepeatedPasses(List<SliceGeometry> ordered, Vector3 normal, List<VolumeIssue> issues,
        out List<IReadOnlyList<string>> otherPasses)
    {
        otherPasses = [];
        var clusters = Cluster(ordered, normal);
        int repeated = clusters.Count(c => c.Count > 1);
        if (clusters.Count < 2 || repeated * 2 <= clusters.Count)
        {
            return ordered;
        }

        var byAcquisition = ordered.GroupBy(g => g.AcquisitionNumber).ToList();
        if (byAcquisition.Count < 2)
        {
            return ordered; // nothing tells the passes apart: handled as duplicates
        }

        var passes = byAcquisition.OrderByDescending(p => p.Count()).ThenBy(p => p.Key ?? long.MaxValue).ToList();
        otherPasses = [.. passes.Skip(1).Select(p => (IReadOnlyList<string>)[.. p.Select(g => g.SopInstanceUid)])];
        issues.Add(new VolumeIssue(VolumeIssueKind.MultipleStacks,
            $"{passes.Count} passes over the same positions by Acquisition Number ({string.Join(", ", passes.Select(p => $"{p.Key?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {p.Count()}"))}); acquisition {passes[0].Key?.ToString(CultureInfo.InvariantCulture) ?? "none"} is used",
            [.. passes.Skip(1).SelectMany(p => p).Select(g => g.SopInstanceUid)], passes.Count));
        return [.. passes[0]];
    }

    // Keeps the first of each same-position cluster (lowest Instance Number, then SOP Instance UID) and reports the rest.
    private static List<SliceGeometry> DropDuplicates(List<SliceGeometry> ordered, Vector3 normal, List<VolumeIssue> issues)
    {
        var kept = new List<SliceGeometry>();
        foreach (var cluster in Cluster(ordered, normal))
        {
            kept.Add(cluster[0]);
            if (cluster.Count > 1)
            {
                double at = cluster[0].Position.Dot(normal);
                issues.Add(new VolumeIssue(VolumeIssueKind.Duplicate,
                    $"{cluster.Count} instances at {at.ToString("0.###", CultureInfo.InvariantCulture)} mm: kept {cluster[0].SopInstanceUid}, dropped {string.Join(", ", cluster.Skip(1).Select(g => g.SopInstanceUid))}",
                    [.. cluster.Skip(1).Select(g => g.SopInstanceUid)], at));
            }
        }

        return kept;
    }

    private static List<List<SliceGeometry>> Cluster(List<SliceGeometry> ordered, Vector3 normal)
    {
        var clusters = new List<List<SliceGeometry>>();
        foreach (var g in ordered)
        {
            if (clusters.Count > 0 && Math.Abs(g.Position.Dot(normal) - clusters[^1][0].Position.Dot(normal)) < SamePositionTolerance)
            {
                clusters[^1].Add(g);
            }
            else
            {
                clusters.Add([g]);
            }
        }

        return clusters;
    }

    /// <summary>
    /// The median step; a step over 1.5 × median is a gap; otherwise a step off the median by more than
    /// max(0.01 mm, 2 % of the median) is uneven spacing.
    /// </summary>
    private static double CheckSpacing(List<SliceGeometry> ordered, double[] locations, List<VolumeIssue> issues)
    {
        if (locations.Length < 2)
        {
            var ds = ordered[0].Dataset;
            return AttributeValues.Decimal(ds, SpacingBetweenSlicesTag) is > 0 and var sb ? sb : AttributeValues.Decimal(ds, SliceThicknessTag) is > 0 and var st ? st : 1;
        }

        var steps = locations.Zip(locations.Skip(1), (a, b) => b - a).ToArray();
        var sorted = steps.Order().ToArray();
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        double tolerance = Math.Max(0.01, 0.02 * median);
        var uneven = new List<int>();
        for (int k = 0; k < steps.Length; k++)
        {
            if (steps[k] > 1.5 * median)
            {
                int missingSlices = (int)Math.Round(steps[k] / median) - 1;
                issues.Add(new VolumeIssue(VolumeIssueKind.Gap,
                    $"{steps[k].ToString("0.###", CultureInfo.InvariantCulture)} mm between slices {k} and {k + 1} (median {median.ToString("0.###", CultureInfo.InvariantCulture)} mm): about {missingSlices} slice(s) missing",
                    [ordered[k].SopInstanceUid, ordered[k + 1].SopInstanceUid], steps[k]));
            }
            else if (Math.Abs(steps[k] - median) > tolerance)
            {
                uneven.Add(k);
            }
        }

        if (uneven.Count > 0)
        {
            issues.Add(new VolumeIssue(VolumeIssueKind.UnevenSpacing,
                $"{uneven.Count} step(s) differ from the median {median.ToString("0.###", CultureInfo.InvariantCulture)} mm by more than {tolerance.ToString("0.###", CultureInfo.InvariantCulture)} mm (from {steps.Min().ToString("0.###", CultureInfo.InvariantCulture)} to {steps.Max().ToString("0.###", CultureInfo.InvariantCulture)} mm)",
                [.. uneven.Select(k => ordered[k + 1].SopInstanceUid)], steps.Max() - steps.Min()));
        }

        return median;
    }

    /// <summary>
    /// The k step of the affine: along the line through the first and last positions, scaled so that its component
    /// along the normal is the median spacing. Off the normal by more than 0.05° is gantry tilt.
    /// </summary>
    private static Vector3 SliceStep(List<SliceGeometry> ordered, Vector3 normal, double spacing, List<VolumeIssue> issues)
    {
        if (ordered.Count < 2)
        {
            return normal * spacing;
        }

        var direction = (ordered[^1].Position - ordered[0].Position).Normalized();
        double angle = direction.AxisAngleTo(normal);
        if (angle > 0.05)
        {
            issues.Add(new VolumeIssue(VolumeIssueKind.GantryTilt,
                $"slices advance {angle.ToString("0.##", CultureInfo.InvariantCulture)}° off the slice normal (gantry tilt); the affine is sheared, resample before treating voxels as orthogonal",
                [], angle));
        }

        return direction * (spacing / Math.Abs(direction.Dot(normal)));
    }
}
