using System.Collections.Concurrent;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Import;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;
using Ricord.Storage;

namespace Ricord.Annotation.Results;

/// <summary>
/// Reads series' voxel grids from the instances' DICOM headers in the blob store (the catalog keeps no pixel
/// spacing): only the first 64 KiB of each blob are read and parsed up to Pixel Data, the whole blob only when the
/// header is longer. Grids are cached per series for the reader's lifetime (one results run).
/// </summary>
internal sealed class SeriesGridReader(IBlobStore blobs)
{
    private const int HeaderPrefix = 64 * 1024;
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private static readonly DicomTag[] Needed = [DicomTags.SOPInstanceUID, DicomTags.ImagePositionPatient, DicomTags.ImageOrientationPatient, DicomTags.PixelSpacing, DicomTags.Rows, DicomTags.Columns];

    private readonly ConcurrentDictionary<string, SeriesGrid> _grids = new(StringComparer.Ordinal);

    /// <summary>The grid of a series from its instances' blob keys; throws <see cref="VolumeException"/> when the
    /// headers give no volume, <see cref="DicomFormatException"/> when a blob is not DICOM.</summary>
    public async Task<SeriesGrid> ReadAsync(string seriesInstanceUid, IReadOnlyList<string> blobKeys, CancellationToken ct)
    {
        if (_grids.TryGetValue(seriesInstanceUid, out var cached))
        {
            return cached;
        }

        var headers = new DicomDataset[blobKeys.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, blobKeys.Count), parallel,
            async (i, c) => headers[i] = await HeaderAsync(blobKeys[i], c).ConfigureAwait(false)).ConfigureAwait(false);
        var volume = SeriesVolume.Assemble(headers);
        double? thickness = headers.Select(h => h.GetDouble(DicomTags.SliceThickness)).FirstOrDefault(t => t > 0);
        // Instances sharing a slice position are distinct slices (SliceStack): each one's drawings are counted.
        var bySop = headers.GroupBy(h => h.GetString(DicomTags.SOPInstanceUID) ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var slices = SliceStack.Of(volume, u => bySop.GetValueOrDefault(u));
        var geometry = VoxelGeometry.FromPositions(volume.RowSpacing, volume.ColumnSpacing, [.. slices.Select(s => s.Location)], thickness);
        var grid = new SeriesGrid(seriesInstanceUid, volume.Rows, volume.Columns, [.. slices.Select(s => s.SopInstanceUid)], geometry);
        return _grids.GetOrAdd(seriesInstanceUid, grid);
    }

    private async Task<DicomDataset> HeaderAsync(string key, CancellationToken ct)
    {
        var stream = await blobs.OpenReadAsync(key, ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var prefix = new byte[HeaderPrefix];
            int n = await stream.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            if (n < prefix.Length)
            {
                return DicomFile.Read(prefix.AsMemory(0, n), HeaderOnly).Dataset;
            }

            // A prefix cut inside an element throws; one cut at an element boundary parses but may lack the geometry.
            try
            {
                var ds = DicomFile.Read(prefix, HeaderOnly).Dataset;
                if (Needed.All(t => ds[t] is not null))
                {
                    return ds;
                }
            }
            catch (DicomFormatException)
            {
            }

            using var whole = new MemoryStream();
            whole.Write(prefix);
            await stream.CopyToAsync(whole, ct).ConfigureAwait(false);
            return DicomFile.Read(whole.GetBuffer().AsMemory(0, (int)whole.Length), HeaderOnly).Dataset;
        }
    }
}
