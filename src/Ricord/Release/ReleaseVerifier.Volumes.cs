using System.Collections.Concurrent;
using Ricord.Dicom;

namespace Ricord.Release;

public sealed partial class ReleaseVerifier
{
    /// <summary>Each series.csv row with a volume: its DICOM (instances.csv) assembled again and compared with the NIfTI
    /// header and voxels, with the label map's header, and with the SEG's geometry, references and frames.</summary>
    private static async Task<(int Volumes, int LabelMaps, int Segs)> CheckVolumesAsync(string root, ReleaseVerifyOptions options, ConcurrentBag<string> failures, CancellationToken ct)
    {
        string seriesPath = Path.Combine(root, "series.csv"), instancesPath = Path.Combine(root, "instances.csv");
        if (!File.Exists(seriesPath) || !File.Exists(instancesPath))
        {
            failures.Add("series.csv or instances.csv: missing");
            return (0, 0, 0);
        }

        var instances = CsvReader.ReadFile(instancesPath).ToLookup(r => r["series_instance_uid"], r => r["path"], StringComparer.Ordinal);
        var rows = CsvReader.ReadFile(seriesPath).Where(r => r.GetValueOrDefault("nifti") is { Length: > 0 }).ToList();
        int labelMaps = 0, segs = 0;
        long done = 0;
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism / 2), CancellationToken = ct }, async (row, c) =>
        {
            string nifti = row["nifti"];
            try
            {
                var files = instances[row["series_instance_uid"]].Select(p => DicomFile.Open(Path.Combine(root, p))).ToList();
                var volume = NiftiVolume.Plan(files, out string? reason);
                if (volume is null)
                {
                    failures.Add($"{nifti}: its DICOM series forms no volume ({reason})");
                    return;
                }

                var (expected, voxels) = volume.Build();
                var bytes = await ReadNiftiAsync(root, nifti, c).ConfigureAwait(false);
                Compare(nifti, expected, NiftiHeader.Read(bytes), failures);
                if (!bytes.AsSpan(NiftiHeader.VoxelOffset).SequenceEqual(voxels))
                {
                    failures.Add($"{nifti}: voxels differ from the DICOM's stored values");
                }

                if (row.GetValueOrDefault("label_map") is { Length: > 0 } labels)
                {
                    Interlocked.Increment(ref labelMaps);
                    var map = await ReadNiftiAsync(root, labels, c).ConfigureAwait(false);
                    Compare(labels, expected with { DataType = NiftiDataType.UInt8, SclSlope = 1, SclInter = 0, IsLabelMap = true }, NiftiHeader.Read(map), failures);
                    if (row.GetValueOrDefault("seg") is { Length: > 0 } seg)
                    {
                        Interlocked.Increment(ref segs);
                        CheckSeg(seg, DicomFile.Open(Path.Combine(root, seg)).Dataset, volume.Volume, map.AsSpan(NiftiHeader.VoxelOffset), failures);
                    }

                    if (row.GetValueOrDefault("labelmap_seg") is { Length: > 0 } labelmapSeg)
                    {
                        Interlocked.Increment(ref segs);
                        CheckSeg(labelmapSeg, DicomFile.Open(Path.Combine(root, labelmapSeg)).Dataset, volume.Volume, map.AsSpan(NiftiHeader.VoxelOffset), failures);
                    }

                    foreach (string file in (row.GetValueOrDefault("label_files") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var mask = await ReadNiftiAsync(root, file, c).ConfigureAwait(false);
                        Compare(file, expected with { DataType = NiftiDataType.UInt8, SclSlope = 1, SclInter = 0, IsLabelMap = true }, NiftiHeader.Read(mask), failures);
                        CheckLabelFile(file, mask.AsSpan(NiftiHeader.VoxelOffset), map.AsSpan(NiftiHeader.VoxelOffset), failures);
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or DicomFormatException or FormatException or ArgumentException)
            {
                failures.Add($"{nifti}: cannot be checked: {e.Message}");
            }

            options.Progress?.Report(new ReleaseProgress("volumes", Interlocked.Increment(ref done), rows.Count, 0));
        }).ConfigureAwait(false);
        await CheckRadiographsAsync(root, instancesPath, failures, ct).ConfigureAwait(false);
        return (rows.Count, labelMaps, segs);
    }

    private static async Task<byte[]> ReadNiftiAsync(string root, string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(root, path), ct).ConfigureAwait(false);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? ParallelGzip.Decompress(bytes) : bytes;
    }

    private static void Compare(string path, NiftiHeader expected, NiftiHeader actual, ConcurrentBag<string> failures)
    {
        if (!expected.Dims.SequenceEqual(actual.Dims))
        {
            failures.Add($"{path}: dims {string.Join('×', actual.Dims)}, the DICOM gives {string.Join('×', expected.Dims)}");
        }

        if (expected.DataType != actual.DataType || Math.Abs(expected.SclSlope - actual.SclSlope) > 1e-6 || Math.Abs(expected.SclInter - actual.SclInter) > 1e-4
            || expected.IsLabelMap != actual.IsLabelMap)
        {
            failures.Add($"{path}: data type or scaling differs from the DICOM's");
        }

        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                // The file stores float32; the tolerance is relative for large offsets.
                if (Math.Abs(expected.Sform[r, c] - actual.Sform[r, c]) > AffineTolerance * Math.Max(1, Math.Abs(expected.Sform[r, c])))
                {
                    failures.Add($"{path}: sform[{r},{c}] is {actual.Sform[r, c]:G7}, the DICOM gives {expected.Sform[r, c]:G7}");
                    return;
                }
            }
        }
    }
}
