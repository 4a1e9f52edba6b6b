using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// When the pixels may show identifying text that no header rule can remove. The risk rests on what the
/// instance says about itself, never on an attribute being absent (already de-identified public data has no
/// Manufacturer, and its plain CTs and radiographs are not at risk):
/// <list type="number">
/// <item>BurnedInAnnotation (0028,0301) is YES;</item>
/// <item>the device is known to draw identifiers into its images (<see cref="PixelRules.Devices"/>), unless the header says NO;</item>
/// <item>unless BurnedInAnnotation is NO: a SOP class that is a capture of a screen, a camera or a document
/// (secondary capture, ultrasound, video and visible light, encapsulated documents);</item>
/// <item>unless BurnedInAnnotation is NO: ImageType says it is a screen save or a dose or report page, or it is
/// DERIVED\SECONDARY without naming a reconstruction (an MPR or MIP is derived from the pixels, a screen is not).</item>
/// </list>
/// </summary>
internal static class BurnedInTextRule
{
    private static readonly DicomTag ImageType = new(0x00080008);

    /// <summary>SOP class UIDs (and prefixes ending in '.') of captures: screens, cameras, ultrasound, documents.</summary>
    private static readonly string[] CaptureClasses =
    [
        "1.2.840.10008.5.1.4.1.1.7", // Secondary Capture and its multi-frame classes (.7.1 – .7.4)
        "1.2.840.10008.5.1.4.1.1.6.1", // Ultrasound Image
        "1.2.840.10008.5.1.4.1.1.6.2", // Enhanced US Volume
        "1.2.840.10008.5.1.4.1.1.3.1", // Ultrasound Multi-frame Image
        "1.2.840.10008.5.1.4.1.1.77.1", // VL Endoscopic, Microscopic, Photographic, video and whole-slide classes
        "1.2.840.10008.5.1.4.1.1.104", // Encapsulated PDF, CDA, STL, OBJ, MTL
        "1.2.840.10008.5.1.4.1.1.88.11", // Basic Text SR (a report)
    ];

    private static readonly HashSet<string> ScreenTerms = new(StringComparer.Ordinal)
    {
        "SCREEN", "SCREEN SAVE", "SCREENSAVE", "SCREENSHOT", "SCREEN SHOT", "SCREEN CAPTURE", "CAPTURE", "DOSE INFO", "DOSE_INFO",
        "DOSE REPORT", "DOSE", "REPORT", "SUMMARY", "DOCUMENT",
    };

    private static readonly HashSet<string> ReconstructionTerms = new(StringComparer.Ordinal)
    {
        "REFORMATTED", "REFORMAT", "MPR", "MIP", "MINIP", "MINIMUM", "MAXIMUM", "AXIAL", "CORONAL", "SAGITTAL", "OBLIQUE",
        "VOLUME", "PROJECTION IMAGE", "CURVED", "RESAMPLED", "LOCALIZER", "SUBTRACTION", "PROCESSED", "POST_PROCESSED",
        "FILTERED", "AVERAGE", "MOTION CORRECTED", "DIFFUSION", "PERFUSION", "RECON", "RECONSTRUCTED",
    };

    private static bool IsCapture(string sopClass)
    {
        foreach (var c in CaptureClasses)
        {
            if (sopClass.StartsWith(c, StringComparison.Ordinal) && (sopClass.Length == c.Length || sopClass[c.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    public static BurnedInAnnotationRisk? Assess(DicomDataset ds, PixelRules rules)
    {
        string burnedIn = (ds.GetString(DeidTags.BurnedInAnnotation) ?? "").Trim().ToUpperInvariant();
        if (burnedIn == "YES")
        {
            return new BurnedInAnnotationRisk("BurnedInAnnotation (0028,0301) is YES");
        }

        if (burnedIn == "NO")
        {
            return null;
        }

        if (rules.MatchDevice(ds) is { } device)
        {
            return new BurnedInAnnotationRisk($"device model known to burn in text: {device.Reason}");
        }

        string sopClass = (ds.GetString(DeidTags.SOPClassUID) ?? "").Trim().TrimEnd('\0');
        if (IsCapture(sopClass))
        {
            string name = DicomUids.GetName(sopClass) ?? sopClass;
            return new BurnedInAnnotationRisk($"SOP class {name} is a capture (screen, camera or document) and BurnedInAnnotation (0028,0301) is not NO");
        }

        var imageType = ds.GetStrings(ImageType);
        bool reconstruction = false;
        for (int i = 0; i < imageType.Length; i++)
        {
            imageType[i] = imageType[i].Trim().ToUpperInvariant();
            if (i >= 2 && ScreenTerms.Contains(imageType[i]))
            {
                return new BurnedInAnnotationRisk($"ImageType (0008,0008) says {imageType[i]} and BurnedInAnnotation (0028,0301) is not NO");
            }

            reconstruction |= i >= 2 && ReconstructionTerms.Contains(imageType[i]);
        }

        if (imageType is ["DERIVED", "SECONDARY", ..] && !reconstruction)
        {
            return new BurnedInAnnotationRisk("ImageType (0008,0008) is DERIVED\\SECONDARY without a reconstruction term, and BurnedInAnnotation (0028,0301) is not NO");
        }

        return null;
    }
}
