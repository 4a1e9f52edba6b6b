namespace Ricord.Catalog;

/// <summary>
/// One user's read of one study in one project: an assignment until something is saved, then a draft, then
/// submitted (locked until an adjudicator or curator reopens it). Adjudications are reads with role
/// <see cref="ReadingRole.Adjudicator"/>. <see cref="Version"/> is the optimistic concurrency token: every change
/// increments it and adds a <see cref="ReadVersion"/>.
/// Labels are JSON in the row (small, queried for consensus); shapes are compressed JSON in a content-addressed
/// <see cref="ReadPayload"/> (a CT segmentation can be hundreds of slices of masks, and unchanged shapes are shared by versions).
/// </summary>
public sealed class Read
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public long StudyId { get; set; }
    public long UserId { get; set; }
    public ReadingRole Role { get; set; }
    public ReadState State { get; set; }
    public int Version { get; set; }
    public string LabelsJson { get; set; } = "[]";

    /// <summary>SHA-256 of the uncompressed shapes JSON; null when the read has no shapes.</summary>
    public string? ShapesHash { get; set; }

    public DateTime AssignedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
}
