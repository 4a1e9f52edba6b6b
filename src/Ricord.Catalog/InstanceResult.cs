namespace Ricord.Catalog;

/// <summary>One instance in a search result.</summary>
public sealed record InstanceResult(
    long Id,
    long SeriesId,
    string SopInstanceUid,
    string SopClassUid,
    int? InstanceNumber,
    string TransferSyntaxUid,
    string BlobKey,
    long Size,
    string ContentHash,
    int? Rows,
    int? Columns,
    int? NumberOfFrames,
    double? ImagePositionZ);
