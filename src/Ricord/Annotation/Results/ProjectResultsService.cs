using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Consensus;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Storage;

namespace Ricord.Annotation.Results;

/// <summary>
/// The results of a reading project for a curator or an adjudicator of it: each study's consensus
/// (<see cref="ConsensusEngine"/>) and the readers' agreement (label groups, and on request segmentation), from
/// the submitted reads. Blinding is the reading service's: a reader is refused, and studies the actor read
/// themselves are left out (a single study they read is refused). Only complete studies count; reads are loaded
/// with their labels in a few queries, shapes only for segmentation and then a batch of studies at a time.
/// </summary>
public sealed partial class ProjectResultsService
{
    private readonly ReadingOptions _options;
    private readonly DbContextOptions _contextOptions;
    private readonly IBlobStore? _blobs;
    private readonly ConsensusEngine _engine = new();

    /// <param name="options">The reading options (<see cref="ReadingDefaults.Options"/>); the schema parser is required.</param>
    /// <param name="blobs">Where the instances are stored; needed for segmentation agreement (voxel geometry from the DICOM headers).</param>
    public ProjectResultsService(ReadingOptions options, IBlobStore? blobs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _blobs = blobs;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options.Catalog);
    }

    /// <summary>The consensus of every study the actor may see (or of one study), in StudyInstanceUID order.</summary>
    public async Task<ProjectConsensus> GetConsensusAsync(ReadingActor actor, string project, string? studyInstanceUid, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var s = await LoadAsync(db, actor, project, studyInstanceUid, ct).ConfigureAwait(false);
            var patients = await PatientsAsync(db, s.Studies, ct).ConfigureAwait(false);
            var studies = s.Studies.Select(st => new StudyConsensusResult(
                st.Study.StudyInstanceUid, [.. st.ReaderReads.Select(r => r.Reader)], s.Project.RequiredReadsOf(st.Study.StudyId), st.Adjudication?.Adjudicator,
                st.Complete ? _engine.Compute(s.Schema, st.ReaderLabels, st.AdjudicationLabels) : null) { PatientId = patients.GetValueOrDefault(st.Study.StudyInstanceUid) }).ToList();
            return new ProjectConsensus(s.Project.Project.Name, s.Schema.Name, s.Schema.Version, studies, s.BlindedStudies)
            {
                RequiredReadsRule = s.Project.ReadsAsPublished ? ProjectConsensus.AsPublishedRule : ProjectConsensus.PerProjectRule(s.Project.RequiredReads),
            };
        }
    }

    /// <summary>
    /// The readers' agreement over the complete studies the actor may see: per STUDY-scope single-choice group
    /// Fleiss' κ, percent agreement and unanimity, per reader pair and reader versus consensus (the consensus engine's,
    /// adjudication included) Cohen's κ, weighted κ for ordinal groups and confusion matrices, with seeded bootstrap
    /// intervals; with <paramref name="segmentation"/>, per drawn label and reader pair Dice, IoU and volumes, and the
    /// majority-vote consensus masks.
    /// </summary>
    public async Task<ProjectAgreement> GetAgreementAsync(ReadingActor actor, string project, AgreementOptions? options, bool segmentation,
        IProgress<SegmentationProgress>? progress, CancellationToken ct)
    {
        options ??= AgreementOptions.Default;
        if (segmentation && _blobs is null)
        {
            throw new ReadingException("Segmentation agreement needs the blob store (voxel geometry comes from the DICOM headers).");
        }

        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var s = await LoadAsync(db, actor, project, null, ct).ConfigureAwait(false);
            var complete = s.Studies.Where(st => st.Complete).ToList();
            var consensus = complete.ToDictionary(st => st.Study.StudyId, st => _engine.Compute(s.Schema, st.ReaderLabels, st.AdjudicationLabels));
            var labels = new List<CategoricalAgreement>();
            foreach (var group in s.Schema.Groups.Where(g => g.Scope == LabelScope.Study && g.Mode == LabelMode.SingleChoice))
            {
                var reads = complete.SelectMany(st => st.ReaderReads.Select((r, i) => new StudyRead(st.Study.StudyInstanceUid, r.Reader, st.ReaderLabels[i])));
                var decided = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var st in complete)
                {
                    if (consensus[st.Study.StudyId].For(group.Name) is { Status: ConsensusStatus.Agreed or ConsensusStatus.Majority or ConsensusStatus.Adjudicated, Label: { } label }
                        && group.Labels.Any(l => LabelNames.Same(l.Name, label)))
                    {
                        decided[st.Study.StudyInstanceUid] = label;
                    }
                }

                RatingTable table;
                try
                {
                    table = RatingTable.ForGroup(s.Schema, group, reads, decided);
                }
                catch (ArgumentException e)
                {
                    // Submitted reads are validated (one label per single-choice group); reads stored otherwise may not be.
                    throw new ReadingException($"Agreement of group '{group.Name}' cannot be measured: {e.Message}", e);
                }

                if (table.Studies.Count > 0 && table.Readers.Count > 0)
                {
                    labels.Add(CategoricalAgreementCalculator.Compute(table, options));
                }
            }

            var (segmentations, masks, issues) = segmentation
                ? await SegmentationAsync(db, s, complete, progress, ct).ConfigureAwait(false)
                : ([], [], []);
            var patients = await PatientsAsync(db, complete, ct).ConfigureAwait(false);
            segmentations = [.. segmentations.Select(a => a with { Patient = patients.GetValueOrDefault(a.Study.Split('/')[0]) })];
            return new ProjectAgreement(s.Project.Project.Name, new AgreementReport(labels, segmentations, options), masks, issues, complete.Count, s.BlindedStudies);
        }
    }

    private async Task<ResultsSnapshot> LoadAsync(CatalogDbContext db, ReadingActor actor, string project, string? studyInstanceUid, CancellationToken ct)
    {
        var user = await ReadingData.ActorAsync(db, actor, ct).ConfigureAwait(false);
        var p = await ReadingData.ProjectAsync(db, project, ct).ConfigureAwait(false);
        long? only = null;
        if (studyInstanceUid is null)
        {
            await ReadingData.EnsureOverseerAsync(db, user, actor.Role, p.Id, ct).ConfigureAwait(false);
        }
        else
        {
            only = await db.ProjectStudies.Where(st => st.ProjectId == p.Id && st.StudyInstanceUid == studyInstanceUid).Select(st => (long?)st.StudyId).FirstOrDefaultAsync(ct).ConfigureAwait(false)
                ?? throw new ReadingException($"Study {studyInstanceUid} is not in project '{project}'.");
            await ReadingData.EnsureMaySeeStudyAsync(db, user, actor.Role, p.Id, only.Value, ct).ConfigureAwait(false);
        }

        var snapshot = await ProjectSnapshot.LoadAsync(db, project, ct).ConfigureAwait(false);
        var schema = await ReadingData.SchemaAsync(db, snapshot.Project, ct).ConfigureAwait(false);
        var studies = new List<ResultsStudy>();
        int blinded = 0;
        foreach (var st in snapshot.Studies.Where(st => only is null || st.StudyId == only))
        {
            var reads = snapshot.ReadsByStudy[st.StudyId].ToList();
            if (reads.Any(r => r.UserId == user.Id && r.Role == ReadingRole.Reader))
            {
                blinded++;
                continue;
            }

            var readerReads = reads.Where(r => r.Role == ReadingRole.Reader && r.State == ReadState.Submitted)
                .Select(r => (snapshot.UserNames[r.UserId], r)).OrderBy(t => t.Item1, StringComparer.Ordinal).ToList();
            var adjudication = reads.Where(r => r.Role == ReadingRole.Adjudicator && r.State == ReadState.Submitted)
                .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => ((string, Read)?)(snapshot.UserNames[r.UserId], r)).FirstOrDefault();
            studies.Add(new ResultsStudy(st, readerReads, adjudication, snapshot.IsComplete(st.StudyId)));
        }

        return new ResultsSnapshot(snapshot, schema, studies, blinded);
    }
}
