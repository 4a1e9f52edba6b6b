namespace Ricord.Catalog;

/// <summary>What ingest knows about one de-identified, stored instance: everything needed to index it.</summary>
public sealed record InstanceRecord
{
    public required string Collection { get; init; }
    public required string SiteCode { get; init; }

    /// <summary>The pseudonymous PatientID written by de-identification.</summary>
    public required string PatientId { get; init; }

    public string? PatientSex { get; init; }
    public string? PatientAge { get; init; }
    public required string StudyInstanceUid { get; init; }
    public DateOnly? StudyDate { get; init; }
    public string? StudyTime { get; init; }
    public string? AccessionNumber { get; init; }
    public string? StudyDescription { get; init; }
    public required string SeriesInstanceUid { get; init; }
    public required string Modality { get; init; }
    public int? SeriesNumber { get; init; }
    public string? SeriesDescription { get; init; }
    public string? BodyPartExamined { get; init; }
    public required string SopInstanceUid { get; init; }
    public required string SopClassUid { get; init; }
    public int? InstanceNumber { get; init; }
    public required string TransferSyntaxUid { get; init; }
    public required string BlobKey { get; init; }
    public long Size { get; init; }

    /// <summary>SHA-256 of the stored bytes, lower-case hex.</summary>
    public required string ContentHash { get; init; }

    public int? Rows { get; init; }
    public int? Columns { get; init; }
    public int? NumberOfFrames { get; init; }
    public double? ImagePositionZ { get; init; }
    public double? SliceThickness { get; init; }

    /// <summary>The de-identification profile applied, as <c>DeidProfile.ToJson()</c> writes it (with its options); null
    /// when the identifiers were kept as published.</summary>
    public string? DeidProfile { get; init; }
}
