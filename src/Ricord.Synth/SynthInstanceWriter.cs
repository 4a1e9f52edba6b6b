using System.Buffers;
using System.Runtime.InteropServices;
using Ricord.Dicom;
using T = Ricord.Dicom.DicomTags;

namespace Ricord.Synth;

/// <summary>Builds one instance (header and pixels) of a planned series.</summary>
internal static partial class SynthInstanceWriter
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const string DxForPresentation = "1.2.840.10008.5.1.4.1.1.1.1";
    public const string CrImageStorage = "1.2.840.10008.5.1.4.1.1.1";
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>The data set of <paramref name="i"/>; without <paramref name="withPixels"/> only the header (for the PHI manifest).</summary>
    public static DicomDataset Build(ulong seed, PatientPlan p, StudyPlan s, SeriesPlan se, InstancePlan i, bool withPixels, List<(string Kind, string Value)>? phi)
    {
        ulong pixelSeed = SeededRandom.SubSeed(seed, i.Uid);
        if (se.Kind == SynthSeriesKind.DoseReport)
        {
            return BuildDoseReport(p, s, se, i, withPixels, phi);
        }

        if (se.Xr is { } xr)
        {
            return BuildRadiograph(p, s, se, i, xr, withPixels ? pixelSeed : null, phi);
        }

        var g = se.Geometry!;
        var ds = Header(p, s, se, i, CtImageStorage, "CT", phi);
        ds.SetStrings(T.ImageType, DicomVR.CS, se.Kind switch
        {
            SynthSeriesKind.Localizer => ["ORIGINAL", "PRIMARY", "LOCALIZER"],
            SynthSeriesKind.CoronalReformat => ["DERIVED", "SECONDARY", "REFORMATTED"],
            _ => ["ORIGINAL", "PRIMARY", "AXIAL"],
        });
        if (se.Kind == SynthSeriesKind.CoronalReformat)
        {
            ds.SetString(T.DerivationDescription, DicomVR.ST, "Multiplanar reformat of the axial soft-tissue series");
        }

        ds.SetString(T.SliceThickness, DicomVR.DS, DicomValueParser.FormatDS(se.Kind == SynthSeriesKind.CoronalReformat ? 3 : g.Thickness));
        ds.SetString(T.KVP, DicomVR.DS, se.Kind == SynthSeriesKind.Localizer ? "120" : "100");
        ds.SetString(T.ProtocolName, DicomVR.LO, "CHEST ROUTINE");
        ds.SetString(T.ConvolutionKernel, DicomVR.SH, Kernel(p.Site.Style, se.Kind == SynthSeriesKind.AxialLung));
        ds.SetString(T.PatientPosition, DicomVR.CS, "HFS");
        ds.SetDecimalStrings(T.ImagePositionPatient, g.PositionOf(i.Slice));
        ds.SetDecimalStrings(T.ImageOrientationPatient, g.Orientation);
        ds.SetString(T.FrameOfReferenceUID, DicomVR.UI, se.FrameOfReferenceUid);
        ds.SetString(T.PositionReferenceIndicator, DicomVR.LO, "SN");
        if (g.Axial)
        {
            ds.SetDecimalStrings(T.SliceLocation, g.Positions[i.Slice]);
        }

        Pixels(ds, "MONOCHROME2", CtGeometry.Size, 12, 0);
        ds.SetDecimalStrings(T.PixelSpacing, g.RowSpacing, g.Spacing);
        ds.SetDecimalStrings(T.WindowCenter, se.Kind == SynthSeriesKind.AxialLung ? -600 : 40);
        ds.SetDecimalStrings(T.WindowWidth, se.Kind == SynthSeriesKind.AxialLung ? 1500 : 400);
        ds.SetDecimalStrings(T.RescaleIntercept, CtImageRenderer.Intercept);
        ds.SetDecimalStrings(T.RescaleSlope, 1);
        if (se.Kind != SynthSeriesKind.Localizer)
        {
            // PS3.3 C.8.2.1.1.5: not HU on an ORIGINAL LOCALIZER.
            ds.SetString(T.RescaleType, DicomVR.LO, "HU");
        }
        if (withPixels)
        {
            var pixels = Rent(CtGeometry.Size * CtGeometry.Size * 2);
            CtImageRenderer.Render(g, i.Slice, s.CtFindings, NoiseSd(se.Kind), pixelSeed, pixels.Span);
            ds.SetBytes(T.PixelData, DicomVR.OW, pixels);
        }

        return ds;
    }

    /// <summary>Pixel buffers come from the shared pool; <see cref="ReturnPixels"/> gives them back once the file is written.</summary>
    public static void ReturnPixels(DicomDataset ds)
    {
        if (ds[T.PixelData] is { } e && MemoryMarshal.TryGetArray(e.Buffer.Memory, out var segment) && segment.Array is { Length: > 0 } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private static Memory<byte> Rent(int length) => ArrayPool<byte>.Shared.Rent(length).AsMemory(0, length);

    /// <summary>The noise of a series' reconstruction kernel; findings' HU ranges in truth use the largest.</summary>
    public static double NoiseSd(SynthSeriesKind kind) => kind == SynthSeriesKind.AxialLung ? 25 : 12;

    private static string Kernel(SynthVendorStyle style, bool lung) => style switch
    {
        SynthVendorStyle.GeLike => lung ? "LUNG" : "STANDARD",
        SynthVendorStyle.SiemensLike => lung ? "B70f" : "B30f",
        SynthVendorStyle.PhilipsLike => lung ? "L" : "B",
        _ => lung ? "FC52" : "FC08",
    };

    private static void Pixels(DicomDataset ds, string photometric, int size, int bits, int representation)
    {
        ds.SetUInt16(T.SamplesPerPixel, 1);
        ds.SetString(T.PhotometricInterpretation, DicomVR.CS, photometric);
        ds.SetUInt16(T.Rows, (ushort)size);
        ds.SetUInt16(T.Columns, (ushort)size);
        ds.SetUInt16(T.BitsAllocated, (ushort)(bits > 8 ? 16 : 8));
        ds.SetUInt16(T.BitsStored, (ushort)bits);
        ds.SetUInt16(T.HighBit, (ushort)(bits - 1));
        ds.SetUInt16(T.PixelRepresentation, (ushort)representation);
    }
}
