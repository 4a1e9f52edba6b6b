namespace Ricord.Catalog;

/// <summary>A stored SOP instance; SOPInstanceUID is unique per collection.</summary>
public sealed class Instance
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public long StudyId { get; set; }
    public long SeriesId { get; set; }
    public Series? Series { get; set; }
    public required string SopInstanceUid { get; set; }
    public required string SopClassUid { get; set; }
    public int? InstanceNumber { get; set; }
    public required string TransferSyntaxUid { get; set; }

    /// <summary>Key of the de-identified Part 10 file in the blob store.</summary>
    public required string BlobKey { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the stored bytes, lower-case hex.</summary>
    public required string ContentHash { get; set; }

    public int? Rows { get; set; }
    public int? Columns { get; set; }
    public int? NumberOfFrames { get; set; }

    /// <summary>z of ImagePositionPatient (0020,0032), for ordering CT slices.</summary>
    public double? ImagePositionZ { get; set; }

    public double? SliceThickness { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>The de-identification profile ingest applied (<see cref="DeidProfileRecord"/>); null when the identifiers
    /// were kept as published, or the instance was ingested before profiles were recorded.</summary>
    public long? DeidProfileId { get; set; }
}
