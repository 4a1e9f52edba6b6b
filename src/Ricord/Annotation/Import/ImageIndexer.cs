using System.Collections.Concurrent;
using Ricord.Dicom;
using Ricord.Ingest;

namespace Ricord.Annotation.Import;

/// <summary>
/// Indexes every file under a folder by its DICOM header (parsing stops before Pixel Data), in any layout: TCIA/NBIA
/// names, MD.ai UID names, or anything else. Files that are not DICOM or lack UIDs are listed, not fatal.
/// </summary>
public static partial class ImageIndexer
{
    private static readonly DicomTag[] TextGeometry =
        [DicomTags.SOPInstanceUID, DicomTags.ImagePositionPatient, DicomTags.ImageOrientationPatient, DicomTags.PixelSpacing, DicomTags.InstanceNumber, DicomTags.AcquisitionNumber];

    public static ImageIndex Index(string root, int maxParallelism = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No such images folder: {root}");
        }

        // The files ingest will take (hidden ones included), so the plan and the ingest agree.
        var files = IngestSource.FolderFiles(root).ToList();
        var metadata = files.Where(f => Path.GetFileName(f).Equals("metadata.csv", StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.Ordinal);
        var results = new ConcurrentDictionary<int, (IndexedInstance? Instance, UnreadableFile? Problem)>();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount };
        Parallel.For(0, files.Count, parallel, i =>
        {
            if (!metadata.Contains(files[i]))
            {
                results[i] = Read(files[i]);
            }
        });

        var instances = new List<IndexedInstance>();
        var duplicates = new List<IndexedInstance>();
        var unreadable = new List<UnreadableFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (instance, problem) in results.OrderBy(r => r.Key).Select(r => r.Value))
        {
            if (problem is not null)
            {
                unreadable.Add(problem);
            }
            else if (seen.Add(instance!.SopInstanceUid))
            {
                instances.Add(instance);
            }
            else
            {
                duplicates.Add(instance);
            }
        }

        return new ImageIndex(root, instances, unreadable, duplicates, DetectLayout(root, instances), [.. files.Where(metadata.Contains)]);
    }

    private static (IndexedInstance?, UnreadableFile?) Read(string path)
    {
        DicomFile file;
        try
        {
            file = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });
        }
        catch (Exception ex) when (ex is DicomFormatException or IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return (null, new UnreadableFile(path, ex.Message));
        }

        var ds = file.Dataset;
        string? study = ds.GetString(DicomTags.StudyInstanceUID), series = ds.GetString(DicomTags.SeriesInstanceUID), sop = ds.GetString(DicomTags.SOPInstanceUID);
        if (string.IsNullOrEmpty(study) || string.IsNullOrEmpty(series) || string.IsNullOrEmpty(sop))
        {
            return (null, new UnreadableFile(path, "no Study, Series or SOP Instance UID"));
        }

        try
        {
            int rows = ds.GetUInt16(DicomTags.Rows) ?? 0, columns = ds.GetUInt16(DicomTags.Columns) ?? 0;
            var geometry = new DicomDataset();
            foreach (var tag in TextGeometry)
            {
                if (ds.GetStrings(tag) is { Length: > 0 } values)
                {
                    geometry.SetStrings(tag, ds[tag]!.VR, values);
                }
            }

            geometry.SetUInt16(DicomTags.Rows, (ushort)rows).SetUInt16(DicomTags.Columns, (ushort)columns);
            return (new IndexedInstance(path, study, series, sop, rows, columns)
            {
                PatientId = ds.GetString(DicomTags.PatientID),
                Modality = ds.GetString(DicomTags.Modality),
                Frames = ds.GetInt(DicomTags.NumberOfFrames) ?? 1,
                Geometry = geometry,
            }, null);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or DicomFormatException)
        {
            return (null, new UnreadableFile(path, ex.Message));
        }
    }
}
