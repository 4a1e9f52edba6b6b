namespace Ricord.Annotation.Mdai;

/// <summary>One MD.ai dataset (<c>D_…</c>): its studies and annotations.</summary>
public sealed record MdaiDataset(string Id, string Name, IReadOnlyList<MdaiStudy> Studies, IReadOnlyList<MdaiAnnotation> Annotations)
{
    public string? Type { get; init; }
}
