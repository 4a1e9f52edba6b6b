namespace Ricord.Annotation.Mdai;

/// <summary>
/// An MD.ai annotation export as RICORD published it (RICORD.md §6): label groups and every dataset. Top-level
/// members other than <c>labelGroups</c> and <c>datasets</c> (project id, name, dates …) are kept as raw JSON in
/// <see cref="Properties"/>, in file order, so a write gives them back.
/// </summary>
public sealed record MdaiExport(IReadOnlyList<MdaiLabelGroup> LabelGroups, IReadOnlyList<MdaiDataset> Datasets)
{
    /// <summary>Other top-level members: name → JSON text of the value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    /// <summary>Annotations of every dataset, in file order.</summary>
    public IEnumerable<MdaiAnnotation> Annotations => Datasets.SelectMany(d => d.Annotations);
}
