using System.Text.Json.Serialization;

namespace Ricord.Release;

/// <summary>The optional outputs (docs/release.md, "Options"): each is off by default and recorded in the spec, so a
/// rebuild from the manifest's spec writes the same files. Ordered after the spec's other keys.</summary>
public sealed partial record ReleaseSpec
{
    public const string LayoutTcia = "tcia";
    public const string LayoutUid = "uid";
    public const string JpegLs = "jpeg-ls";
    public const string Rle = "rle";
    public const string Nifti = "nifti";
    public const string Png = "png";

    /// <summary>dicom/ folders: "tcia" (Collection/Patient/Study/Series/SOP.dcm) or "uid" (Study/Series/SOP.dcm).</summary>
    [JsonPropertyOrder(100)]
    public string DicomLayout { get; init; } = LayoutTcia;

    /// <summary>Lossless re-compression of dicom/: null (files as stored), "jpeg-ls" or "rle"; every re-compressed
    /// instance's pixels are checked byte for byte against the original before it is written.</summary>
    [JsonPropertyOrder(101)]
    public string? Recompress { get; init; }

    /// <summary>Besides the label map, one binary NIfTI mask per label (nifti/PATIENT/SERIES_label-N.nii).</summary>
    [JsonPropertyOrder(102)]
    public bool LabelFiles { get; init; }

    /// <summary>Radiographs (CR, DX) as images: null (DICOM only), "nifti" (2D NIfTI-1) or "png" (16-bit greyscale).</summary>
    [JsonPropertyOrder(103)]
    public string? Radiographs { get; init; }

    /// <summary>Besides the binary SEG, a Label Map Segmentation (Sup 243) per segmented series.</summary>
    [JsonPropertyOrder(104)]
    public bool LabelmapSeg { get; init; }

    /// <summary>Also the Medical Segmentation Decathlon layout (decathlon/Task01_NAME).</summary>
    [JsonPropertyOrder(105)]
    public bool Decathlon { get; init; }

    private void ValidateOutputs()
    {
        if (DicomLayout is not (LayoutTcia or LayoutUid))
        {
            throw new ReleaseException($"dicomLayout must be \"{LayoutTcia}\" or \"{LayoutUid}\", not \"{DicomLayout}\"");
        }

        if (Recompress is not (null or JpegLs or Rle))
        {
            throw new ReleaseException($"recompress must be \"{JpegLs}\", \"{Rle}\" or null, not \"{Recompress}\"");
        }

        if (Radiographs is not (null or Nifti or Png))
        {
            throw new ReleaseException($"radiographs must be \"{Nifti}\", \"{Png}\" or null, not \"{Radiographs}\"");
        }
    }
}
