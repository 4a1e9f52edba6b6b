using Ricord.Annotation.Agreement;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Results;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Storage;

namespace Ricord.AgreementBench;

/// <summary>
/// Segmentation agreement through the results service, end to end: the bench study's 300 instances stored as
/// 512 × 512 CT files (0.7 mm pixels, 1 mm apart) in a file-system blob store, a three-reader project whose readers
/// submitted the (b) lesion drawn as readers A, B and C. One run = load the project, fetch and decompress three
/// shapes payloads, read 300 DICOM headers (a fresh grid cache each run), rasterise 3 × 300 polygons, measure.
/// </summary>
internal sealed class ResultsWorkload(ProjectResultsService results)
{
    private static readonly ReadingActor Curator = new("bench", ReadingRole.Curator);

    public static async Task<ResultsWorkload> CreateAsync(StorageWorkload store)
    {
        var none = CancellationToken.None;
        var blobs = new FileSystemBlobStore(Path.Combine(store.Directory, "blobs"));
        var pixels = new byte[SegmentationWorkload.Size * SegmentationWorkload.Size * 2];
        for (int k = 0; k < SegmentationWorkload.Slices; k++)
        {
            var ds = new DicomDataset()
                .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
                .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, StorageWorkload.Sop(k))
                .SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, StorageWorkload.SeriesUid)
                .SetString(DicomTags.SliceThickness, DicomVR.DS, "1")
                .SetStrings(DicomTags.ImagePositionPatient, DicomVR.DS, "-179", "-179", (-k).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .SetStrings(DicomTags.ImageOrientationPatient, DicomVR.DS, "1", "0", "0", "0", "1", "0")
                .SetUInt16(DicomTags.Rows, SegmentationWorkload.Size).SetUInt16(DicomTags.Columns, SegmentationWorkload.Size)
                .SetStrings(DicomTags.PixelSpacing, DicomVR.DS, "0.7", "0.7")
                .SetUInt16(DicomTags.BitsAllocated, 16).SetUInt16(DicomTags.BitsStored, 16).SetUInt16(DicomTags.HighBit, 15)
                .SetUInt16(DicomTags.PixelRepresentation, 1).SetUInt16(DicomTags.SamplesPerPixel, 1)
                .SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
                .SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
            using var stream = new MemoryStream(new DicomFile(ds).ToBytes());
            await blobs.PutAsync("instances/" + k, stream, none);
        }

        var projects = new ReadingProjectService(store.Options);
        string[] readers = ["a", "b", "c"];
        await projects.CreateProjectAsync(Curator, new ReadingProjectDefinition("bench3", "BENCH", "bench-ct", ReadersPerStudy: 3, Readers: readers), none);
        var reading = new ReadingService(store.Options);
        (double Scale, double X, double Y)[] drawn = [(1.0, 0, 0), (1.06, 3, -2), (0.95, -2, 1)];
        for (int r = 0; r < readers.Length; r++)
        {
            var actor = new ReadingActor(readers[r], ReadingRole.Reader);
            var item = (await reading.GetWorklistAsync(actor, "bench3", none)).Single();
            var content = StorageWorkload.Polygons(SegmentationWorkload.Polygons(drawn[r].Scale, drawn[r].X, drawn[r].Y));
            await reading.SubmitAsync(actor, item.ReadId, item.Version, content, none);
        }

        return new ResultsWorkload(new ProjectResultsService(store.Options, blobs));
    }

    public Task<ProjectAgreement> MeasureAsync() =>
        results.GetAgreementAsync(Curator, "bench3", new AgreementOptions(0), segmentation: true, null, CancellationToken.None);
}
