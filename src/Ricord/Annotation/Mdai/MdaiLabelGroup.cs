namespace Ricord.Annotation.Mdai;

/// <summary>An MD.ai label group (<c>G_…</c>); in RICORD exports a group is a reader or team (RICORD.md §3).</summary>
public sealed record MdaiLabelGroup(string Id, string Name, IReadOnlyList<MdaiLabel> Labels)
{
    public string? Type { get; init; }
}
