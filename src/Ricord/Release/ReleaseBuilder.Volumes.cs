using System.Collections.Concurrent;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Reads;
using Ricord.Dicom;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>nifti/: per CT series a volume (or the reason there is none) and, where readers drew on it, the label map
    /// of the readers' strict-majority masks; series.csv facts for every series.</summary>
    private static async Task<Dictionary<string, SeriesOutcome>> WriteVolumesAsync(ReleaseOutput output, ReleaseSelection selection,
        List<ReleaseProject> projects, IReadOnlyList<SegmentationLabel> labels, ReleaseBuildOptions options, List<string> issues, CancellationToken ct)
    {
        var drawings = Drawings(projects, selection);
        var outcomes = new ConcurrentDictionary<string, SeriesOutcome>(StringComparer.Ordinal);
        var bySeries = selection.Instances.GroupBy(i => i.Series).ToList();
        var found = new ConcurrentBag<string>();
        long done = 0;
        await Parallel.ForEachAsync(bySeries, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism / 2), CancellationToken = ct }, async (group, c) =>
        {
            var series = group.Key;
            List<DicomFile>? opened = null;
            List<DicomFile> Files() => opened ??= [.. group.Select(i => DicomFile.Open(Path.Combine(output.Root, i.Path)))];
            if (options.Spec.Radiographs is { } format && RadiographImage.IsRadiograph(series.Modality))
            {
                await WriteRadiographsAsync(output, [.. group], Files(), format, options.Spec.Gzip ? options.Parallelism : 0, found, c).ConfigureAwait(false);
            }

            SeriesOutcome outcome;
            if (output.Journal.FindSeries(series.SeriesInstanceUid) is { } kept && kept.Files.All(f => output.Journal.TryGetFile(f, out _)) && kept.Files.All(output.TryKeep))
            {
                // Converted before the build was interrupted: its files are whole (journaled, checked), its facts journaled.
                outcome = kept.Outcome with { Series = series };
                foreach (string issue in kept.Issues)
                {
                    found.Add(issue);
                }
            }
            else
            {
                var written = output.RecordWrites();
                var files = Files();
                outcome = Describe(series, files[0].Dataset);
                var notes = new ConcurrentBag<string>();
                if (series.Modality == "CT")
                {
                    outcome = await ConvertAsync(output, outcome, files, drawings.GetValueOrDefault(series.SeriesInstanceUid), labels, notes,
                        options.Spec.Gzip ? options.Parallelism : 0, options.Spec, c).ConfigureAwait(false);
                }

                output.Journal.SeriesDone(series.SeriesInstanceUid, new SeriesRecord(outcome, [.. written.Order(StringComparer.Ordinal)], [.. notes.Order(StringComparer.Ordinal)]));
                foreach (string issue in notes)
                {
                    found.Add(issue);
                }
            }

            outcomes[series.SeriesInstanceUid] = outcome;
            options.Progress?.Report(new ReleaseProgress("nifti", Interlocked.Increment(ref done), bySeries.Count, output.Bytes));
        }).ConfigureAwait(false);
        output.Journal.Sync();
        issues.AddRange(found.Order(StringComparer.Ordinal));
        return new Dictionary<string, SeriesOutcome>(outcomes, StringComparer.Ordinal);
    }

    private static SeriesOutcome Describe(ReleaseSeries series, DicomDataset first) => new(series)
    {
        Rows = first.GetInt(DicomTags.Rows),
        Columns = first.GetInt(DicomTags.Columns),
        PixelSpacing = first.GetString(DicomTags.PixelSpacing),
        SliceThickness = first.GetDouble(DicomTags.SliceThickness),
        Kernel = string.Join('\\', first.GetStrings(DicomTags.ConvolutionKernel)) is { Length: > 0 } k ? k : null,
        ImageType = string.Join('\\', first.GetStrings(DicomTags.ImageType)) is { Length: > 0 } t ? t : null,
    };

    private static async Task<SeriesOutcome> ConvertAsync(ReleaseOutput output, SeriesOutcome outcome, List<DicomFile> files,
        List<StudyDrawings>? drawings, IReadOnlyList<SegmentationLabel> labels, ConcurrentBag<string> issues, int gzipThreads, ReleaseSpec spec, CancellationToken ct)
    {
        var series = outcome.Series;
        if (outcome.ImageType?.Split('\\').Contains("LOCALIZER", StringComparer.OrdinalIgnoreCase) == true)
        {
            return outcome with { Excluded = "localizer (Image Type LOCALIZER)" };
        }

        var volume = NiftiVolume.Plan(files, out string? reason);
        if (volume is null)
        {
            if (drawings is not null)
            {
                issues.Add($"series {series.SeriesInstanceUid} has drawings but no volume ({reason}); its masks are only in annotations/");
            }

            return outcome with { Excluded = reason, Flags = [] };
        }

        string stem = $"nifti/{series.Study.Patient.PatientId}/{series.SeriesInstanceUid}";
        var (header, voxels) = volume.Build();
        string extension = gzipThreads > 0 ? ".nii.gz" : ".nii";
        await output.WriteAsync(stem + extension, Nifti(header, voxels, gzipThreads), ct).ConfigureAwait(false);
        outcome = outcome with
        {
            Nifti = stem + extension,
            SliceSpacing = volume.Volume.SliceSpacing,
            Flags = [.. volume.Volume.Issues.Select(i => i.Kind.ToString())],
            VoxelVolumeMl = VoxelGeometry.From(volume.Volume).VoxelVolumeMl,
        };
        if (drawings is null)
        {
            return outcome;
        }

        var masks = ConsensusMasks(volume, drawings, labels, issues);
        var (labelHeader, labelVoxels) = volume.BuildLabelMap(masks);
        await output.WriteAsync(stem + "_labels" + extension, Nifti(labelHeader, labelVoxels, gzipThreads), ct).ConfigureAwait(false);
        if (spec.LabelFiles)
        {
            outcome = outcome with { LabelFiles = await WriteLabelFilesAsync(output, volume, masks, labels, stem, extension, gzipThreads, ct).ConfigureAwait(false) };
        }

        // Where masks overlap the label map keeps the higher value; the SEG (Segments Overlap NO) holds what the map holds.
        if (masks.Sum(m => m.Mask.VoxelCount) != labelVoxels.LongCount(v => v != 0))
        {
            masks = volume.MasksOf(labelVoxels);
        }

        outcome = outcome with { LabelMap = stem + "_labels" + extension, LabelVoxels = masks.ToDictionary(m => m.Index, m => m.Mask.VoxelCount) };
        if (masks.Count == 0)
        {
            return outcome;
        }

        string seg = $"seg/{series.Study.Patient.PatientId}/{series.SeriesInstanceUid}.dcm";
        await output.WriteAsync(seg, SegmentationDocument.Build(volume.Volume, labels, masks, ReleaseManifest.RicordVersion), ct).ConfigureAwait(false);
        if (spec.LabelmapSeg)
        {
            string labelmapSeg = $"seg/{series.Study.Patient.PatientId}/{series.SeriesInstanceUid}_labelmap.dcm";
            await output.WriteAsync(labelmapSeg, SegmentationDocument.BuildLabelMap(volume.Volume, labels, labelVoxels, ReleaseManifest.RicordVersion), ct).ConfigureAwait(false);
            outcome = outcome with { LabelmapSeg = labelmapSeg };
        }

        return outcome with { Seg = seg };
    }

    /// <summary>One binary mask (uint8 0/1, intent label) per release label, NAME_label-N: each label's own consensus mask,
    /// kept whole where labels overlap (the label map keeps the higher value there); labels nobody drew are empty files.</summary>
    private static async Task<IReadOnlyList<string>> WriteLabelFilesAsync(ReleaseOutput output, NiftiVolume volume, List<(int Index, MaskVolume Mask)> masks,
        IReadOnlyList<SegmentationLabel> labels, string stem, string extension, int gzipThreads, CancellationToken ct)
    {
        var paths = new List<string>();
        foreach (var label in labels)
        {
            var own = masks.Where(m => m.Index == label.Index).Select(m => (1, m.Mask)).ToList();
            var (header, voxels) = volume.BuildLabelMap(own);
            string path = $"{stem}_label-{label.Index}{extension}";
            await output.WriteAsync(path, Nifti(header, voxels, gzipThreads), ct).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Per label, the strict majority of the study's readers' masks on this series (a reader who drew nothing
    /// counts as an empty mask; one reader's mask is its own majority).</summary>
    private static List<(int Index, MaskVolume Mask)> ConsensusMasks(NiftiVolume volume, List<StudyDrawings> drawings, IReadOnlyList<SegmentationLabel> labels, ConcurrentBag<string> issues)
    {
        var uids = volume.Volume.SopInstanceUids;
        var slices = uids.Select((u, k) => (u, k)).ToDictionary(x => x.u, x => x.k, StringComparer.Ordinal);
        var result = new List<(int, MaskVolume)>();
        foreach (var label in labels)
        {
            var readerMasks = new List<MaskVolume>();
            foreach (var study in drawings)
            {
                foreach (var (reader, shapes) in study.Readers)
                {
                    var builder = new MaskVolumeBuilder(volume.Volume.Rows, volume.Volume.Columns, uids.Count);
                    int off = 0;
                    foreach (var shape in shapes.Where(s => Annotation.Schemas.LabelNames.Same(s.Label, label.Name)))
                    {
                        if (!slices.TryGetValue(shape.SopInstanceUid, out int k) || shape.Frame != 0 || shape.Rows != volume.Volume.Rows || shape.Columns != volume.Volume.Columns)
                        {
                            off++;
                            continue;
                        }

                        builder.AddShape(k, shape);
                    }

                    if (off > 0)
                    {
                        issues.Add($"{study.Project}: {reader}'s {off} '{label.Name}' shape(s) on series {shapes[0].SeriesInstanceUid} are not on a slice of its volume, left out");
                    }

                    readerMasks.Add(builder.Build());
                }
            }

            if (readerMasks.Count > 0 && MaskVolume.Majority(readerMasks) is { VoxelCount: > 0 } majority)
            {
                result.Add((label.Index, majority));
            }
        }

        return result;
    }

    /// <summary>The drawn shapes of every complete study's reader reads, by series: per project and study, each reader's
    /// shapes on that series (readers who drew elsewhere or nothing included with none).</summary>
    private static Dictionary<string, List<StudyDrawings>> Drawings(List<ReleaseProject> projects, ReleaseSelection selection)
    {
        var inRelease = selection.Studies.Select(s => s.StudyInstanceUid).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, List<StudyDrawings>>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var complete = project.Consensus.Studies.Where(s => s.IsComplete).Select(s => s.StudyInstanceUid).ToHashSet(StringComparer.Ordinal);
            foreach (var study in project.Reads.Where(r => !r.IsAdjudication && complete.Contains(r.StudyInstanceUid) && inRelease.Contains(r.StudyInstanceUid))
                .GroupBy(r => r.StudyInstanceUid, StringComparer.Ordinal))
            {
                var readers = study.OrderBy(r => r.Reader, StringComparer.Ordinal).ToList();
                foreach (string seriesUid in readers.SelectMany(r => r.Content.Shapes).Select(s => s.SeriesInstanceUid).Distinct(StringComparer.Ordinal))
                {
                    var perReader = readers.Select(r => (r.Reader, (IReadOnlyList<ReadShape>)[.. r.Content.Shapes.Where(s => s.SeriesInstanceUid == seriesUid)])).ToList();
                    if (!result.TryGetValue(seriesUid, out var list))
                    {
                        result[seriesUid] = list = [];
                    }

                    list.Add(new StudyDrawings(project.Name, perReader));
                }
            }
        }

        return result;
    }

    /// <summary>Header then voxels; gzip-compressed on <paramref name="gzipThreads"/> threads when above 0.</summary>
    internal static byte[] Nifti(NiftiHeader header, byte[] voxels, int gzipThreads)
    {
        var h = header.ToBytes();
        var result = new byte[h.Length + voxels.Length];
        h.CopyTo(result, 0);
        voxels.CopyTo(result, h.Length);
        return gzipThreads > 0 ? ParallelGzip.Compress(result, gzipThreads) : result;
    }

    private sealed record StudyDrawings(string Project, IReadOnlyList<(string Reader, IReadOnlyList<ReadShape> Shapes)> Readers);
}
