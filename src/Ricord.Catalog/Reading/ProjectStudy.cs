namespace Ricord.Catalog;

/// <summary>A study selected into a project (kept even if the collection changes later).</summary>
public sealed class ProjectStudy
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public long StudyId { get; set; }
    public required string StudyInstanceUid { get; set; }
    public DateTime AddedAt { get; set; }
}
