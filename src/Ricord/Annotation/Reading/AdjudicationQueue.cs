using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>Which studies need an adjudicator: every reader read submitted, no adjudication submitted, and the
/// configured <see cref="IAdjudicationRule"/> says so for the project's trigger.</summary>
internal static class AdjudicationQueue
{
    /// <summary>The pending studies in StudyInstanceUID order; those <paramref name="blindedUserId"/> read themselves are left out.</summary>
    public static async Task<List<AdjudicationCandidate>> PendingAsync(
        CatalogDbContext db, ReadingOptions options, ProjectSnapshot snapshot, long? blindedUserId, CancellationToken ct)
    {
        var rule = options.AdjudicationRule ?? throw new ReadingException("No adjudication rule is configured (ReadingOptions.AdjudicationRule).");
        var schema = await ReadingData.SchemaAsync(db, snapshot.Project, ct).ConfigureAwait(false);
        var pending = new List<AdjudicationCandidate>();
        foreach (var study in snapshot.Studies)
        {
            var reads = snapshot.ReadsByStudy[study.StudyId].ToList();
            var readerReads = reads.Where(r => r.Role == ReadingRole.Reader).OrderBy(r => r.Id).ToList();
            if (!snapshot.IsComplete(study.StudyId) || snapshot.IsAdjudicated(study.StudyId)
                || (blindedUserId is { } b && readerReads.Any(r => r.UserId == b)))
            {
                continue;
            }

            var contents = new List<ReadContent>(readerReads.Count);
            foreach (var r in readerReads)
            {
                contents.Add(await ReadStorage.LoadAsync(db, r.LabelsJson, r.ShapesHash, rule.UsesShapes, ct).ConfigureAwait(false));
            }

            if (rule.NeedsAdjudication(schema, snapshot.Project.Trigger, contents))
            {
                var started = reads.Where(r => r.Role == ReadingRole.Adjudicator).Select(r => snapshot.UserNames[r.UserId]).Order(StringComparer.Ordinal).ToList();
                pending.Add(new AdjudicationCandidate(study.StudyInstanceUid, readerReads.Count, started));
            }
        }

        return pending;
    }
}
