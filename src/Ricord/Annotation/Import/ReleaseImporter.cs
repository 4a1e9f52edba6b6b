using Ricord.Annotation.Mdai;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Import;

/// <summary>
/// Plans the import of a published RICORD release (MD.ai export + DICOM files in any layout): converts the
/// annotations to reads with image sizes from the headers, places every INSTANCE annotation on its slice by
/// SOPInstanceUID in geometric order, reports what the images lack, and rasterises masks to verify against.
/// Writes nothing; the caller ingests the files and stores the reads.
/// </summary>
public static partial class ReleaseImporter
{
    public static ReleaseImportPlan Plan(string annotationsPath, string imagesFolder, LabelSchema schema, ReleaseImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var export = MdaiJsonReader.ReadFile(annotationsPath, cancellationToken);
        var images = ImageIndexer.Index(imagesFolder, 0, cancellationToken);
        return Plan(export, images, schema, options, cancellationToken);
    }

    public static ReleaseImportPlan Plan(MdaiExport export, ImageIndex images, LabelSchema schema, ReleaseImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= ReleaseImportOptions.Default;
        var c = options.Conversion;
        // An annotation on an instance the images lack is skipped alone: the rest of its read (study labels, other slices) stays.
        var skipped = export.Annotations.Where(a => a.SopInstanceUid is { } sop && !images.Instances.ContainsKey(sop)).Select(a => a.Id).ToList();
        var kept = skipped.Count == 0 ? export : export with
        {
            Datasets = [.. export.Datasets.Select(d => d with { Annotations = [.. d.Annotations.Where(a => a.SopInstanceUid is not { } sop || images.Instances.ContainsKey(sop))] })],
        };
        var conversion = MdaiReadConverter.Convert(kept, schema, new MdaiConversionOptions
        {
            ReaderKey = c.ReaderKey,
            AdjudicationGroup = c.AdjudicationGroup,
            ExcludedGroups = c.ExcludedGroups,
            ImageSize = c.ImageSize ?? (sop => images.Instances.TryGetValue(sop, out var i) ? (i.Rows, i.Columns) : null),
        });

        var studies = new Tally(options.MaxExamples);
        var series = new Tally(options.MaxExamples);
        var sops = new Tally(options.MaxExamples);
        var placements = new List<AnnotationPlacement>();
        var misplaced = new List<MisplacedAnnotation>();
        var referencedStudies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in export.Datasets.SelectMany(d => d.Studies))
        {
            referencedStudies.Add(s.StudyInstanceUid);
            studies.Add(s.StudyInstanceUid, images.Studies.Contains(s.StudyInstanceUid), false);
        }

        foreach (var a in export.Annotations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            referencedStudies.Add(a.StudyInstanceUid);
            studies.Add(a.StudyInstanceUid, images.Studies.Contains(a.StudyInstanceUid), true);
            if (a.SeriesInstanceUid is { } se)
            {
                series.Add(se, images.HasSeries(se), true);
            }

            if (a.SopInstanceUid is not { } sop)
            {
                continue;
            }

            if (!images.Instances.TryGetValue(sop, out var inst))
            {
                sops.Add(sop, false, true);
                continue;
            }

            if (a.SeriesInstanceUid is { } said && said != inst.SeriesInstanceUid)
            {
                misplaced.Add(new MisplacedAnnotation(a.Id, sop, $"the annotation says series {said}, the image is in series {inst.SeriesInstanceUid}"));
                continue;
            }

            var order = images.Order(inst.SeriesInstanceUid)!;
            if (order.SliceOf(sop) is { } k)
            {
                placements.Add(new AnnotationPlacement(a.Id, inst.SeriesInstanceUid, sop, k, inst.Rows, inst.Columns));
            }
            else
            {
                misplaced.Add(new MisplacedAnnotation(a.Id, sop, order.LeftOut.GetValueOrDefault(sop, "not in the series' ordered slices")));
            }
        }

        var orders = placements.Select(p => p.SeriesInstanceUid).Distinct().Order(StringComparer.Ordinal).Select(s => images.Order(s)!).ToList();
        var masks = options.BuildMasks ? Masks(conversion.Reads, images, cancellationToken) : [];
        return new ReleaseImportPlan(conversion, orders, placements, misplaced, studies.Result, series.Result, sops.Result, masks)
        {
            SkippedAnnotations = skipped,
            StudiesWithImages = referencedStudies.Count(images.Studies.Contains),
            StudiesWithoutAnnotations = images.Studies.Count(s => !referencedStudies.Contains(s)),
        };
    }

    /// <summary>Counts UIDs that were not found: distinct, annotations referring to them, the first few.</summary>
    private sealed class Tally(int maxExamples)
    {
        private readonly HashSet<string> _missing = new(StringComparer.Ordinal);
        private readonly List<string> _examples = [];
        private int _annotations;

        public UnknownUids Result => _missing.Count == 0 ? UnknownUids.None : new UnknownUids(_missing.Count, _annotations, _examples);

        public void Add(string uid, bool found, bool fromAnnotation)
        {
            if (found)
            {
                return;
            }

            _annotations += fromAnnotation ? 1 : 0;
            if (_missing.Add(uid) && _examples.Count < maxExamples)
            {
                _examples.Add(uid);
            }
        }
    }
}
