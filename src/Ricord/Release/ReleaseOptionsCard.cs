namespace Ricord.Release;

/// <summary>What the optional outputs add to the dataset card's contents table and to croissant.json's file sets.</summary>
internal static class ReleaseOptionsCard
{
    public static IEnumerable<string> Lines(ReleaseSpec spec)
    {
        if (spec.Recompress is { } r)
        {
            yield return $"| `dicom/` | losslessly re-compressed ({(r == ReleaseSpec.JpegLs ? "JPEG-LS" : "RLE")}), each instance's pixels checked byte for byte against the stored file; `instances.csv` gives each file's transfer syntax |";
        }

        if (spec.LabelFiles)
        {
            yield return "| `nifti/<patient>/<series>_label-<value>.nii` | one binary mask per label (each label's whole mask, also where labels overlap) |";
        }

        if (spec.LabelmapSeg)
        {
            yield return "| `seg/<patient>/<series>_labelmap.dcm` | the consensus as a DICOM Label Map Segmentation (Sup 243) |";
        }

        if (spec.Radiographs is { } format)
        {
            yield return format == ReleaseSpec.Png
                ? "| `radiographs/<patient>/<sop>.png` | each radiograph as a 16-bit greyscale PNG (stored values; MONOCHROME1 inverted so white is high) |"
                : "| `radiographs/<patient>/<sop>.nii` | each radiograph as a 2D NIfTI-1 image (stored values, dcm2niix's layout; MONOCHROME1 not inverted: see `instances.csv` image_photometric) |";
        }

        if (spec.Nnunet)
        {
            yield return "| `nnunet/Dataset001_<name>/` | nnU-Net v2 raw layout (imagesTr, labelsTr, imagesTs, labelsTs, dataset.json) |";
        }

        if (spec.Decathlon)
        {
            yield return "| `decathlon/Task01_<name>/` | Medical Segmentation Decathlon layout (imagesTr, labelsTr, imagesTs, dataset.json) |";
        }
    }

    public static IEnumerable<(string Id, string Pattern, string Format)> FileSets(ReleaseSpec spec)
    {
        if (spec.Radiographs is { } format)
        {
            yield return format == ReleaseSpec.Png ? ("radiograph-files", "radiographs/**/*.png", "image/png") : ("radiograph-files", "radiographs/**/*.nii*", "application/x-nifti");
        }

        if (spec.Decathlon)
        {
            yield return ("decathlon-files", "decathlon/**/*.nii.gz", "application/x-nifti");
        }
    }
}
