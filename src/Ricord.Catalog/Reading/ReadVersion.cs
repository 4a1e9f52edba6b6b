namespace Ricord.Catalog;

/// <summary>A read as it was after one change (save, submit, reopen): the history is never rewritten.</summary>
public sealed class ReadVersion
{
    public long Id { get; set; }
    public long ReadId { get; set; }
    public int Version { get; set; }
    public ReadState State { get; set; }
    public required string LabelsJson { get; set; }
    public string? ShapesHash { get; set; }
    public DateTime SavedAt { get; set; }
    public required string SavedBy { get; set; }
}
