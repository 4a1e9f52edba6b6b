namespace Ricord.Annotation.Mdai;

/// <summary>Label id → (label, group) over every label group of an export.</summary>
public sealed class MdaiLabelIndex
{
    private readonly Dictionary<string, (MdaiLabel Label, MdaiLabelGroup Group)> _labels = new(StringComparer.Ordinal);

    public MdaiLabelIndex(MdaiExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        foreach (var g in export.LabelGroups)
        {
            foreach (var l in g.Labels)
            {
                _labels.TryAdd(l.Id, (l, g));
            }
        }
    }

    public IEnumerable<(MdaiLabel Label, MdaiLabelGroup Group)> Labels => _labels.Values;

    /// <summary>The annotation with its label and group, or null when its labelId is in no label group.</summary>
    public MdaiResolvedAnnotation? Resolve(MdaiAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        return _labels.TryGetValue(annotation.LabelId, out var x) ? new MdaiResolvedAnnotation(annotation, x.Label, x.Group) : null;
    }
}
