namespace Ricord.Catalog;

/// <summary>A background job (release build, re-index) that any node may claim.</summary>
public sealed class Job
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public JobState State { get; set; }
    public string? Payload { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Error { get; set; }
}
