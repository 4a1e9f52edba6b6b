namespace Ricord.Dicom.Imaging.Volumes;

public sealed partial class SeriesVolume
{
    /// <summary>Positions closer than this along the normal are the same position (mm).</summary>
    public const double SamePositionTolerance = 0.01;

    private static SeriesVolume Assemble(IEnumerable<(DicomDataset Dataset, DicomTransferSyntax Syntax)> instances)
    {
        var issues = new List<VolumeIssue>();
        var usable = new List<SliceGeometry>();
        var missing = new List<(string Uid, string Problem)>();
        foreach (var (ds, ts) in instances)
        {
            if (SliceGeometry.Read(ds, ts, out string? problem) is { } g)
            {
                usable.Add(g);
            }
            else
            {
                missing.Add((SliceGeometry.SopUid(ds), problem!));
            }
        }

        if (missing.Count > 0)
        {
            issues.Add(new VolumeIssue(VolumeIssueKind.MissingGeometry,
                $"{missing.Count} instance(s) left out: {string.Join("; ", missing.Take(5).Select(m => $"{m.Uid}: {m.Problem}"))}",
                [.. missing.Select(m => m.Uid)]));
        }

        if (usable.Count == 0)
        {
            throw new VolumeException(missing.Count == 0 ? "The series has no instances" : $"No instance has usable geometry: {issues[0].Message}");
        }

        var stacks = SplitByShape(usable, issues);
        var main = stacks[0];
        var normal = main[0].Normal;
        var ordered = main.OrderBy(g => g.Position.Dot(normal)).ThenBy(g => g.InstanceNumber ?? long.MaxValue)
            .ThenBy(g => g.SopInstanceUid, StringComparer.Ordinal).ToList();
        ordered = SplitRepeatedPasses(ordered, normal, issues, out var passes);
        ordered = DropDuplicates(ordered, normal, issues);

        var locations = ordered.Select(g => g.Position.Dot(normal)).ToArray();
        double spacing = CheckSpacing(ordered, locations, issues);
        var sliceStep = SliceStep(ordered, normal, spacing, issues);
        var first = ordered[0];
        var affine = new VolumeAffine(first.Position, first.RowDirection * first.ColumnSpacing, first.ColumnDirection * first.RowSpacing, sliceStep);
        var slices = ordered.Select((g, k) => new VolumeSlice(g.Dataset, g.TransferSyntax, g.SopInstanceUid, g.Position, locations[k])).ToList();
        var others = stacks.Skip(1).Select(s => (IReadOnlyList<string>)[.. s.Select(g => g.SopInstanceUid)]).Concat(passes).ToList();
        return new SeriesVolume(slices, first, spacing, affine, issues, others);
    }

    // Groups by orientation, matrix and pixel spacing; the biggest group is the volume.
    private static List<List<SliceGeometry>> SplitByShape(List<SliceGeometry> all, List<VolumeIssue> issues)
    {
        var groups = new List<List<SliceGeometry>>();
        foreach (var g in all)
        {
            if (groups.FirstOrDefault(s => s[0].SameStackShape(g)) is { } group)
            {
                group.Add(g);
            }
            else
            {
                groups.Add([g]);
            }
        }

        groups = [.. groups.OrderByDescending(s => s.Count).ThenBy(s => s.Min(g => g.SopInstanceUid), StringComparer.Ordinal)];
        if (groups.Count > 1)
        {
            var main = groups[0][0];
            var rest = groups.Skip(1).SelectMany(s => s).ToList();
            if (rest.Any(g => !g.SameOrientation(main)))
            {
                issues.Add(new VolumeIssue(VolumeIssueKind.MixedOrientation, $"{rest.Count(g => !g.SameOrientation(main))} instance(s) have another orientation than the main stack",
                    [.. rest.Where(g => !g.SameOrientation(main)).Select(g => g.SopInstanceUid)]));
            }

            if (rest.Any(g => !g.SameSize(main)))
            {
                issues.Add(new VolumeIssue(VolumeIssueKind.MixedSize, $"{rest.Count(g => !g.SameSize(main))} instance(s) differ from {main.Rows}x{main.Columns} at {main.RowSpacing}\\{main.ColumnSpacing} mm",
                    [.. rest.Where(g => !g.SameSize(main)).Select(g => g.SopInstanceUid)]));
            }

            issues.Add(new VolumeIssue(VolumeIssueKind.MultipleStacks,
                $"{groups.Count} stacks by orientation/size ({string.Join(", ", groups.Select(s => s.Count))} instances); the largest is used",
                [.. rest.Select(g => g.SopInstanceUid)], groups.Count));
        }

        return groups;
    }
}
