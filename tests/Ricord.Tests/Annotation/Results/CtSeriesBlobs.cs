using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Storage;
using Ricord.Tests.Catalog;

namespace Ricord.Tests.Annotation.Results;

/// <summary>
/// A tiny CT series stored as real DICOM files in a blob store and catalogued: 16 × 16 pixels of 0.5 × 0.5 mm,
/// four axial slices 2 mm apart. The SOP UIDs run against the z order (instance k lies at z = 6 − 2k), so slice
/// order must come from the headers: slice index of instance k is 3 − k.
/// </summary>
internal static class CtSeriesBlobs
{
    public const int Size = 16;
    public const int Slices = 4;
    public const string Study = "1.2.826.0.1.3.1";
    public const string Series = Study + ".1";

    public static string Sop(int k) => $"{Series}.{k + 1}";

    /// <summary>The instance at slice index <paramref name="slice"/> (ascending z).</summary>
    public static string SopAtSlice(int slice) => Sop(Slices - 1 - slice);

    public static async Task AddAsync(DatabaseCatalog catalog, IBlobStore blobs, string collection = TestCatalog.Collection, string site = TestCatalog.Site)
    {
        for (int k = 0; k < Slices; k++)
        {
            double z = 6 - (2 * k);
            var ds = new DicomDataset()
                .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
                .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, Sop(k))
                .SetString(DicomTags.StudyInstanceUID, DicomVR.UI, Study)
                .SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, Series)
                .SetString(DicomTags.Modality, DicomVR.CS, "CT")
                .SetString(DicomTags.SliceThickness, DicomVR.DS, "2")
                .SetStrings(DicomTags.ImagePositionPatient, DicomVR.DS, "-4", "-4", z.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .SetStrings(DicomTags.ImageOrientationPatient, DicomVR.DS, "1", "0", "0", "0", "1", "0")
                .SetUInt16(DicomTags.Rows, Size)
                .SetUInt16(DicomTags.Columns, Size)
                .SetStrings(DicomTags.PixelSpacing, DicomVR.DS, "0.5", "0.5")
                .SetUInt16(DicomTags.BitsAllocated, 16)
                .SetUInt16(DicomTags.BitsStored, 16)
                .SetUInt16(DicomTags.HighBit, 15)
                .SetUInt16(DicomTags.PixelRepresentation, 1)
                .SetUInt16(DicomTags.SamplesPerPixel, 1)
                .SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
                .SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[Size * Size * 2]);
            if (k == 0)
            {
                // A header longer than the 64 KiB prefix the results read first: the whole blob must be read.
                ds.SetString(new DicomTag(0x00290010), DicomVR.LO, "RICORD TEST").SetBytes(new DicomTag(0x00291010), DicomVR.OB, new byte[80_000]);
            }

            var bytes = new DicomFile(ds).ToBytes();
            string key = "instances/test-ct-" + Sop(k);
            using (var stream = new MemoryStream(bytes))
            {
                await blobs.PutAsync(key, stream, CancellationToken.None);
            }

            await catalog.AddInstanceAsync(TestCatalog.Instance(Sop(k), Study, Series, "RICORD-1A-419639-000777") with
            {
                Collection = collection,
                SiteCode = site,
                BlobKey = key,
                Rows = Size,
                Columns = Size,
                InstanceNumber = k + 1,
                ImagePositionZ = z,
                SliceThickness = 2,
            }, CancellationToken.None);
        }
    }

    /// <summary>A closed rectangle polygon (x = column, y = row) covering columns c0..c1 and rows r0..r1 (half-pixel borders).</summary>
    public static double[] Rectangle(int c0, int r0, int c1, int r1) =>
        [c0 - 0.5, r0 - 0.5, c1 + 0.5, r0 - 0.5, c1 + 0.5, r1 + 0.5, c0 - 0.5, r1 + 0.5];
}
