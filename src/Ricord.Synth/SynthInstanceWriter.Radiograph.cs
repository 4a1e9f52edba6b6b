using Ricord.Dicom;
using T = Ricord.Dicom.DicomTags;

namespace Ricord.Synth;

internal static partial class SynthInstanceWriter
{
    private static DicomDataset BuildRadiograph(PatientPlan p, StudyPlan s, SeriesPlan se, InstancePlan i, XrParameters xr, ulong? pixelSeed, List<(string Kind, string Value)>? phi)
    {
        var ds = Header(p, s, se, i, xr.IsCr ? CrImageStorage : DxForPresentation, xr.IsCr ? "CR" : "DX", phi);
        string photometric = xr.Monochrome1 ? "MONOCHROME1" : "MONOCHROME2";
        int max = (1 << xr.BitsStored) - 1;
        ds.SetStrings(T.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY");
        ds.SetString(T.ViewPosition, DicomVR.CS, xr.ViewPosition);
        ds.SetString(T.KVP, DicomVR.DS, xr.ViewPosition == "LL" ? "110" : "90");
        ds.SetString(T.PatientOrientation, DicomVR.CS, xr.ViewPosition == "LL" ? "A\\F" : "L\\F");
        ds.SetString(T.ProtocolName, DicomVR.LO, "CHEST " + xr.ViewPosition);
        if (!xr.IsCr)
        {
            ds.SetString(T.PresentationIntentType, DicomVR.CS, "FOR PRESENTATION");
            ds.SetString(T.ImageLaterality, DicomVR.CS, "U");
            ds.SetString(T.DetectorType, DicomVR.CS, "SCINTILLATOR");
            ds.SetString(T.PositionerType, DicomVR.CS, "COLUMN");
            ds.Set(new DicomSequence(T.AcquisitionContextSequence));
            var region = new DicomDataset();
            ds.SetSequence(T.AnatomicRegionSequence, region);
            region.SetString(T.CodeValue, DicomVR.SH, "43799004");
            region.SetString(T.CodingSchemeDesignator, DicomVR.SH, "SCT");
            region.SetString(T.CodeMeaning, DicomVR.LO, "Chest");
            ds.SetString(T.PixelIntensityRelationship, DicomVR.CS, "LIN");
            ds.SetInt16(T.PixelIntensityRelationshipSign, (short)(xr.Monochrome1 ? -1 : 1));
            ds.SetDecimalStrings(T.RescaleIntercept, 0);
            ds.SetDecimalStrings(T.RescaleSlope, 1);
            ds.SetString(T.RescaleType, DicomVR.LO, "US");
            ds.SetString(T.PresentationLUTShape, DicomVR.CS, xr.Monochrome1 ? "INVERSE" : "IDENTITY");
            ds.SetString(T.BurnedInAnnotation, DicomVR.CS, "NO");
        }

        ds.SetDecimalStrings(T.ImagerPixelSpacing, xr.PixelSpacing, xr.PixelSpacing);
        Pixels(ds, photometric, xr.Size, xr.BitsStored, 0);
        ds.SetDecimalStrings(T.WindowCenter, (max + 1) / 2);
        ds.SetDecimalStrings(T.WindowWidth, max);
        ds.SetString(T.LossyImageCompression, DicomVR.CS, "00");
        if (pixelSeed is { } seed)
        {
            var pixels = Rent(xr.Size * xr.Size * 2);
            CxrImageRenderer.Render(xr, se.Kind == SynthSeriesKind.Lateral, s.CxrOpacities, seed, pixels.Span);
            ds.SetBytes(T.PixelData, DicomVR.OW, pixels);
        }

        return ds;
    }

    /// <summary>A dose-report screenshot (Secondary Capture) with the patient's identifiers burned into the pixels.</summary>
    private static DicomDataset BuildDoseReport(PatientPlan p, StudyPlan s, SeriesPlan se, InstancePlan i, bool withPixels, List<(string Kind, string Value)>? phi)
    {
        var ds = Header(p, s, se, i, SecondaryCapture, "OT", phi);
        ds.SetStrings(T.ImageType, DicomVR.CS, "DERIVED", "SECONDARY", "SCREEN SAVE");
        ds.SetString(T.ConversionType, DicomVR.CS, "WSD");
        ds.SetString(T.PatientOrientation, DicomVR.CS, string.Empty);
        Pixels(ds, "MONOCHROME2", CtGeometry.Size, 8, 0);
        ds.SetString(T.BurnedInAnnotation, DicomVR.CS, "YES");
        foreach (var line in BurnedInLines(p, s))
        {
            phi?.Add(("BurnedInText", line));
        }

        if (withPixels)
        {
            var pixels = Rent(CtGeometry.Size * CtGeometry.Size);
            pixels.Span.Clear();
            int y = 20;
            foreach (var line in BurnedInLines(p, s))
            {
                BitmapFont.Draw(pixels.Span, CtGeometry.Size, 16, y, line, 2);
                y += 24;
            }

            ds.SetBytes(T.PixelData, DicomVR.OB, pixels);
        }

        return ds;
    }

    /// <summary>The text burned into a dose report, upper-case ASCII as the bitmap font draws it.</summary>
    public static string[] BurnedInLines(PatientPlan p, StudyPlan s) =>
    [
        "DOSE REPORT",
        Ascii($"NAME: {p.Name.Replace('^', ' ')}").ToUpperInvariant(),
        $"MRN: {p.Mrn}",
        $"DOB: {p.BirthDate:yyyy-MM-dd}",
        $"ACC: {s.Accession}",
        $"DATE: {s.Start:yyyy-MM-dd HH:mm}",
        "CTDIVOL: 6.2 MGY  DLP: 240 MGY-CM",
    ];
}
