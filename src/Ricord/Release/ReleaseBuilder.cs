using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Storage;

namespace Ricord.Release;

/// <summary>
/// Builds a release (docs/release.md) from the catalog and blob store: the de-identified DICOM in TCIA layout, one
/// NIfTI-1 volume per CT series that forms one (with the consensus label map where it was drawn), the reads in MD.ai
/// JSON, the tables with their data dictionary, patient-grouped splits, the dataset card and the manifest. Every
/// file's bytes follow from the catalog, the spec and the version only (sorted order, no clock), so a rebuild is
/// byte-identical. Series are converted one at a time per worker, never the whole release in memory.
/// </summary>
public sealed partial class ReleaseBuilder
{
    /// <summary>The version of the release layout (manifest.json "schemaVersion").</summary>
    public const int FormatVersion = 1;

    private readonly CatalogOptions _catalog;
    private readonly IBlobStore _blobs;

    public ReleaseBuilder(CatalogOptions catalog, IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(blobs);
        _catalog = catalog;
        _blobs = blobs;
    }

    public async Task<ReleaseBuildResult> BuildAsync(ReleaseBuildOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Spec.Validate();
        ReleaseVersion.Parse(options.Version);
        var previous = options.PreviousRelease is { } p ? SplitAssigner.ReadPrevious(p) : new Dictionary<string, string>(StringComparer.Ordinal);
        var withdrawn = Withdrawals.Merge(options.Withdrawn, options.PreviousRelease);
        string root = Path.GetFullPath(options.OutputDirectory);
        using var journal = ReleaseJournal.Open(root, BuildIdentity(options, withdrawn));
        var output = new ReleaseOutput(root, journal);
        ReleaseSelection selection;
        List<ReleaseProject> projects;
        var db = CatalogDbContextFactory.Create(CatalogDbContextFactory.CreateOptions(_catalog));
        await using (db.ConfigureAwait(false))
        {
            selection = await ReleaseSelection.LoadAsync(db, options.Spec, withdrawn.Select(w => w.Id).ToHashSet(StringComparer.Ordinal), ct).ConfigureAwait(false);
            projects = await LoadProjectsAsync(db, selection, options, ct).ConfigureAwait(false);
        }

        if (options.Spec.Consensus.Count > 0)
        {
            selection = selection.OnlyStudies(ConsensusStudies(options.Spec.Consensus, projects));
        }

        projects = OnlySelected(projects, selection);

        journal.Begin(InputsFingerprint(selection, projects, ct));
        if (journal.Resumed)
        {
            options.Progress?.Report(new ReleaseProgress("checking", 0, 0, 0));
            await journal.CheckAsync(root, options.Parallelism, ct).ConfigureAwait(false);
        }

        var issues = projects.SelectMany(pr => pr.Agreement.Issues.Select(i => $"{pr.Name}: {i}")).ToList();
        await WriteDicomAsync(output, selection, options, issues, ct).ConfigureAwait(false);
        var labels = SegmentationLabels.Of(projects);
        var series = await WriteVolumesAsync(output, selection, projects, labels, options, issues, ct).ConfigureAwait(false);
        await WriteAnnotationsAsync(output, projects, ct).ConfigureAwait(false);
        var splits = SplitAssigner.Assign(selection, projects, options.Spec, previous);
        await WriteTablesAsync(output, selection, projects, series, splits, labels, ct).ConfigureAwait(false);
        if (options.Spec.Nnunet)
        {
            await WriteNnunetAsync(output, options, series, splits, labels, ct).ConfigureAwait(false);
        }

        if (options.Spec.Decathlon)
        {
            await WriteDecathlonAsync(output, options, series, splits, labels, ct).ConfigureAwait(false);
        }

        await WriteCardAsync(output, options, selection, projects, series, splits, labels, ct).ConfigureAwait(false);
        await output.WriteAsync(Withdrawals.FileName, Withdrawals.Table(withdrawn).ToBytes(), ct).ConfigureAwait(false);
        if (options.PreviousRelease is { } earlier)
        {
            // CHANGES.md against the earlier release; a version that does not grow enough for the changes is refused.
            var diff = ReleaseDiff.Compare(earlier, output.Root, options.Version);
            if (diff.VersionProblem is { } problem)
            {
                throw new ReleaseException($"{problem}; the folder holds an incomplete release (no manifest) and can be deleted");
            }

            await output.WriteAsync("CHANGES.md", System.Text.Encoding.UTF8.GetBytes(diff.ToMarkdown()), ct).ConfigureAwait(false);
        }

        await output.WriteAsync("croissant.json", CroissantDescription.Build(options, output.Files), ct).ConfigureAwait(false);
        output.RemoveOthers();
        await ReleaseManifest.WriteAsync(output, options, selection, labels, ct).ConfigureAwait(false);
        journal.Complete();
        var excluded = series.Values.Where(s => s.Excluded is not null)
            .Select(s => new ExcludedSeries(s.Series.Study.Patient.PatientId, s.Series.SeriesInstanceUid, s.Excluded!)).ToList();
        return new ReleaseBuildResult(output.Root, options.Version, selection.Patients.Count, selection.Studies.Count, selection.Series.Count,
            selection.Instances.Count, series.Values.Count(s => s.Nifti is not null), series.Values.Count(s => s.LabelMap is not null), excluded,
            output.Count, output.Bytes, options.Spec.Seed, issues) { KeptFiles = journal.Kept };
    }

    private async Task<List<ReleaseProject>> LoadProjectsAsync(CatalogDbContext db, ReleaseSelection selection, ReleaseBuildOptions options, CancellationToken ct)
    {
        var collectionIds = selection.Collections.Select(c => c.CollectionId).ToList();
        var names = options.Spec.Projects
            ?? await db.ReadingProjects.Where(rp => collectionIds.Contains(rp.CollectionId)).Select(rp => rp.Name).ToListAsync(ct).ConfigureAwait(false);
        var readingOptions = ReadingDefaults.Options(_catalog);
        var results = new Annotation.Results.ProjectResultsService(readingOptions, _blobs);
        var exports = new ReadExportService(readingOptions);
        var projects = new List<ReleaseProject>();
        foreach (string name in names.Order(StringComparer.Ordinal))
        {
            var project = await ReadingData.ProjectAsync(db, name, ct).ConfigureAwait(false);
            var schema = await ReadingData.SchemaAsync(db, project, ct).ConfigureAwait(false);
            var consensus = await results.GetConsensusAsync(options.Curator, name, null, ct).ConfigureAwait(false);
            var agreement = await results.GetAgreementAsync(options.Curator, name, null, schema.Groups.Any(g => g.Mode.IsDrawing()), null, ct).ConfigureAwait(false);
            var reads = await exports.GetReadsAsync(options.Curator, name, includeDrafts: false, ct).ConfigureAwait(false);
            var export = await exports.ExportAsync(options.Curator, name, includeDrafts: false, ct).ConfigureAwait(false);
            projects.Add(new ReleaseProject(name, schema, consensus, agreement, reads, export));
        }

        return projects;
    }
}
