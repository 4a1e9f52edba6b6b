using Ricord.Dicom;

namespace Ricord.Annotation.Import;

/// <summary>
/// One DICOM file of a release, from its header only: where it is, its UIDs and image size. The geometry
/// attributes are kept in a small data set of their own (never the whole header) for slice ordering.
/// </summary>
public sealed record IndexedInstance(string Path, string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, int Rows, int Columns)
{
    public string? PatientId { get; init; }

    public string? Modality { get; init; }

    public int Frames { get; init; } = 1;

    /// <summary>Image Position / Orientation (Patient), Pixel Spacing, Rows, Columns, Instance and Acquisition Number, SOP Instance UID.</summary>
    internal DicomDataset Geometry { get; init; } = new();
}
