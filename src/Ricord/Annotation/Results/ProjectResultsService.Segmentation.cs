using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;
using Ricord.Storage;

namespace Ricord.Annotation.Results;

public sealed partial class ProjectResultsService
{
    /// <summary>Studies whose shapes are decompressed and measured together (one payload query, one instance query).</summary>
    private const int StudiesPerBatch = 16;

    private async Task<(List<SegmentationAgreement>, List<ConsensusMask>, List<string>)> SegmentationAsync(
        CatalogDbContext db, ResultsSnapshot s, List<ResultsStudy> complete, IProgress<SegmentationProgress>? progress, CancellationToken ct)
    {
        var run = new SegmentationRun(LabelSchemaIndex.Of(s.Schema), new SeriesGridReader(_blobs!));
        var drawn = s.Schema.Groups.Any(g => g.Mode.IsDrawing())
            ? complete.Where(st => st.ReaderReads.Any(r => r.Read.ShapesHash is not null)).ToList()
            : [];
        progress?.Report(new SegmentationProgress(0, drawn.Count));
        for (int b = 0; b < drawn.Count; b += StudiesPerBatch)
        {
            var batch = drawn.GetRange(b, Math.Min(StudiesPerBatch, drawn.Count - b));
            var shapes = await ShapesAsync(db, batch, ct).ConfigureAwait(false);
            var seriesUids = shapes.Values.SelectMany(v => v).Select(x => x.SeriesInstanceUid).Distinct(StringComparer.Ordinal).ToList();
            var instances = await InstancesAsync(db, s.Project.Project.CollectionId, seriesUids, ct).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                await run.MeasureAsync(batch[i], shapes, instances, ct).ConfigureAwait(false);
                progress?.Report(new SegmentationProgress(b + i + 1, drawn.Count));
            }
        }

        return (run.Agreements, run.Masks, run.Issues);
    }

    /// <summary>The decoded shapes of the batch's submitted reader reads, by payload hash (each payload decoded once).</summary>
    private static async Task<Dictionary<string, IReadOnlyList<ReadShape>>> ShapesAsync(CatalogDbContext db, List<ResultsStudy> batch, CancellationToken ct)
    {
        var hashes = batch.SelectMany(st => st.ReaderReads).Select(r => r.Read.ShapesHash).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var payloads = await db.ReadPayloads.AsNoTracking().Where(p => hashes.Contains(p.Hash)).ToListAsync(ct).ConfigureAwait(false);
        if (hashes.Except(payloads.Select(p => p.Hash), StringComparer.Ordinal).FirstOrDefault() is { } missing)
        {
            throw new ReadingException($"The shapes of a read (payload {missing}) are missing from the catalog.");
        }

        return payloads.ToDictionary(p => p.Hash, ReadStorage.Decode, StringComparer.Ordinal);
    }

    /// <summary>The study and instance blob keys of each series of the collection named in <paramref name="seriesUids"/>.</summary>
    private static async Task<Dictionary<string, (long StudyId, List<string> BlobKeys)>> InstancesAsync(
        CatalogDbContext db, long collectionId, List<string> seriesUids, CancellationToken ct)
    {
        var series = await db.Series.AsNoTracking().Where(x => x.CollectionId == collectionId && seriesUids.Contains(x.SeriesInstanceUid))
            .Select(x => new { x.Id, x.SeriesInstanceUid, x.StudyId }).ToListAsync(ct).ConfigureAwait(false);
        var ids = series.Select(x => x.Id).ToList();
        var keys = (await db.Instances.AsNoTracking().Where(i => ids.Contains(i.SeriesId)).Select(i => new { i.SeriesId, i.BlobKey }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(i => i.SeriesId, i => i.BlobKey);
        return series.ToDictionary(x => x.SeriesInstanceUid, x => (x.StudyId, keys[x.Id].Order(StringComparer.Ordinal).ToList()), StringComparer.Ordinal);
    }

    /// <summary>One segmentation agreement run: the grids read so far and what it found.</summary>
    private sealed class SegmentationRun(LabelSchemaIndex index, SeriesGridReader grids)
    {
        private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal);

        public List<SegmentationAgreement> Agreements { get; } = [];
        public List<ConsensusMask> Masks { get; } = [];
        public List<string> Issues { get; } = [];

        /// <summary>Per series and drawn label of the study: every reader's mask (empty where they drew nothing), the agreement and the consensus mask.</summary>
        public async Task MeasureAsync(ResultsStudy st, Dictionary<string, IReadOnlyList<ReadShape>> shapes,
            Dictionary<string, (long StudyId, List<string> BlobKeys)> instances, CancellationToken ct)
        {
            string study = st.Study.StudyInstanceUid;
            var byReader = st.ReaderReads.Select(r => (r.Reader, Shapes: (r.Read.ShapesHash is { } h ? shapes[h] : [])
                .Select(x => (Shape: x, Label: index.FindGroup(x.Group) is { } g && g.Mode.IsDrawing() ? index.FindLabel(x.Group, x.Label)?.Name : null))
                .Where(x => x.Label is not null).ToList())).ToList();
            var drawn = byReader.SelectMany(r => r.Shapes).GroupBy(x => x.Shape.SeriesInstanceUid, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            foreach (var series in drawn)
            {
                if (await GridAsync(study, st.Study.StudyId, series.Key, instances, ct).ConfigureAwait(false) is not { } grid)
                {
                    continue;
                }

                string name = drawn.Count == 1 ? study : $"{study}/{series.Key}";
                foreach (var label in series.Select(x => x.Label!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    var masks = byReader.Select(r => new ReaderMask(r.Reader,
                        Build(grid, r.Shapes.Where(x => x.Label == label && x.Shape.SeriesInstanceUid == series.Key).Select(x => x.Shape), $"study {study}, {r.Reader}, '{label}'"))).ToList();
                    Agreements.Add(SegmentationAgreementCalculator.Compute(name, label, masks, grid.Geometry));
                    if (masks.Count >= 2)
                    {
                        Masks.Add(new ConsensusMask(study, series.Key, label, grid.SopInstanceUids, grid.Geometry, MaskVolume.Majority([.. masks.Select(m => m.Mask)])));
                    }
                }
            }
        }

        private async Task<SeriesGrid?> GridAsync(string study, long studyId, string series, Dictionary<string, (long StudyId, List<string> BlobKeys)> instances, CancellationToken ct)
        {
            string? problem = _failed.GetValueOrDefault(series);
            if (problem is null && instances.TryGetValue(series, out var found) && found.StudyId == studyId)
            {
                try
                {
                    return await grids.ReadAsync(series, found.BlobKeys, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is VolumeException or DicomFormatException or BlobNotFoundException or ArgumentException)
                {
                    problem = $"has no usable voxel grid: {e.Message}";
                }
            }

            problem ??= "is not a series of the study in the catalog";
            _failed[series] = problem;
            Issues.Add($"study {study}: series {series} {problem}; its drawings are not measured");
            return null;
        }

        private MaskVolume Build(SeriesGrid grid, IEnumerable<ReadShape> shapes, string who)
        {
            var builder = new MaskVolumeBuilder(grid.Rows, grid.Columns, grid.SopInstanceUids.Count);
            int offVolume = 0, otherSize = 0;
            foreach (var shape in shapes)
            {
                if (grid.SliceOf(shape.SopInstanceUid) is not { } k || shape.Frame != 0)
                {
                    offVolume++;
                }
                else if (shape.Rows != grid.Rows || shape.Columns != grid.Columns)
                {
                    otherSize++;
                }
                else
                {
                    builder.AddShape(k, shape);
                }
            }

            if (offVolume > 0)
            {
                Issues.Add($"{who}: {offVolume} shape(s) on instances or frames that are not slices of series {grid.SeriesInstanceUid}'s volume, left out");
            }

            if (otherSize > 0)
            {
                Issues.Add($"{who}: {otherSize} shape(s) drawn on another image size than {grid.Rows}×{grid.Columns}, left out");
            }

            return builder.Build();
        }
    }
}
