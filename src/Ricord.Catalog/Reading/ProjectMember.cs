namespace Ricord.Catalog;

/// <summary>A user taking part in a project as reader or adjudicator. Removal clears <see cref="Active"/> and keeps
/// the row, so that reads already made keep their author.</summary>
public sealed class ProjectMember
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public long UserId { get; set; }
    public ReadingRole Role { get; set; }
    public bool Active { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}
