using Ricord.Annotation.Schemas;

namespace Ricord.Release;

/// <summary>The label map values of a release: the drawn labels of every project's schema, in project (ordinal) and
/// schema order, numbered from 1; a label name met again (another project, same label) keeps its first number.</summary>
internal static class SegmentationLabels
{
    public static IReadOnlyList<SegmentationLabel> Of(IEnumerable<ReleaseProject> projects)
    {
        var result = new List<SegmentationLabel>();
        foreach (var group in projects.SelectMany(p => p.Schema.Groups).Where(g => g.Mode.IsDrawing()))
        {
            foreach (var label in group.Labels.Where(l => !result.Any(r => LabelNames.Same(r.Name, l.Name))))
            {
                result.Add(new SegmentationLabel(result.Count + 1, label.Name, group.Name, label.Color));
            }
        }

        return result;
    }
}
