namespace Ricord.Catalog;

/// <summary>A series; SeriesInstanceUID is unique per collection.</summary>
public sealed class Series
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public long StudyId { get; set; }
    public Study? Study { get; set; }
    public required string SeriesInstanceUid { get; set; }
    public required string Modality { get; set; }
    public int? SeriesNumber { get; set; }
    public string? SeriesDescription { get; set; }
    public string? BodyPartExamined { get; set; }
    public int NumberOfInstances { get; set; }

    /// <summary>Blob key of the cached DICOM JSON metadata for WADO-RS; null until built, and
    /// cleared whenever an instance is added so that a stale cache is never served.</summary>
    public string? MetadataBlobKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Instance> Instances { get; set; } = [];
}
