using Microsoft.EntityFrameworkCore;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

public sealed partial class ReadImportService
{
    private const int QueryChunk = 500;

    /// <summary>Each read checked before anything is written: its study in the project, the schema's submit rules and
    /// its instances (as <see cref="ReadingService.SubmitAsync"/> checks them), and its stored form (labels JSON, shapes payload).</summary>
    private static async Task<List<Candidate>> CheckAsync(CatalogDbContext db, ReadingProject p, LabelSchema schema, IReadValidator validator,
        IReadOnlyList<MdaiRead> reads, bool published, IProgress<ReadImportProgress>? progress, CancellationToken ct)
    {
        var studies = (await db.ProjectStudies.Where(s => s.ProjectId == p.Id).Select(s => new { s.StudyInstanceUid, s.StudyId }).ToListAsync(ct).ConfigureAwait(false))
            .ToDictionary(s => s.StudyInstanceUid, s => s.StudyId, StringComparer.Ordinal);
        string collection = await db.Collections.Where(c => c.Id == p.CollectionId).Select(c => c.Name).FirstAsync(ct).ConfigureAwait(false);
        var withInstances = reads.Where(r => studies.ContainsKey(r.StudyInstanceUid) && ReadingData.InstanceUids(r.Content).Count > 0)
            .Select(r => studies[r.StudyInstanceUid]).Distinct().ToList();
        var instances = new Dictionary<long, HashSet<string>>();
        foreach (var chunk in withInstances.Chunk(QueryChunk))
        {
            var rows = await db.Instances.Where(i => chunk.Contains(i.StudyId)).Select(i => new { i.StudyId, i.SopInstanceUid }).ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                (instances.TryGetValue(row.StudyId, out var set) ? set : instances[row.StudyId] = new HashSet<string>(StringComparer.Ordinal)).Add(row.SopInstanceUid);
            }
        }

        var candidates = new Candidate[reads.Count];
        int done = 0;
        Parallel.For(0, reads.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var read = reads[i];
            candidates[i] = Check(read, studies, collection, p, schema, validator, instances, published);
            int n = Interlocked.Increment(ref done);
            if (n % 64 == 0 || n == reads.Count)
            {
                progress?.Report(new ReadImportProgress(n, reads.Count));
            }
        });

        var duplicates = candidates.GroupBy(c => (c.Read.StudyInstanceUid, c.Read.Reader, c.Read.IsAdjudication)).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)).ToHashSet();
        foreach (var c in duplicates)
        {
            c.Reject($"{Who(c.Read)}: given more than once in the import; only the first is taken.");
        }

        return [.. candidates];
    }

    private static Candidate Check(MdaiRead read, Dictionary<string, long> studies, string collection, ReadingProject p, LabelSchema schema,
        IReadValidator validator, Dictionary<long, HashSet<string>> instances, bool published)
    {
        var c = new Candidate(read);
        if (!studies.TryGetValue(read.StudyInstanceUid, out long studyId))
        {
            c.Result = ReadImportOutcome.UnknownStudy;
            c.Messages.Add($"study {read.StudyInstanceUid} is not in project '{p.Name}' (collection {collection}); ingest it and assign the project again.");
            return c;
        }

        c.StudyId = studyId;
        // Published: what a valid published read may hold is flagged (kept, shown as messages of an imported read), not refused.
        var (content, flags) = published ? PublishedReadReview.Review(schema, read.Content) : (read.Content, []);
        var errors = validator.Validate(schema, content, submitting: !published).ToList();
        var uids = ReadingData.InstanceUids(read.Content);
        if (uids.Count > 0)
        {
            errors.AddRange(ReadingData.UnknownInstances(uids, instances.TryGetValue(studyId, out var known) ? known : []));
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                c.Reject($"{Who(read)}: {e}");
            }

            return c;
        }

        c.Messages.AddRange(flags.Select(f => $"{Who(read)}: {f}"));
        c.LabelsJson = ReadStorage.LabelsToJson(read.Content.Labels);
        c.Payload = ReadStorage.Encode(read.Content.Shapes);
        return c;
    }

    private static string Who(MdaiRead r) => $"study {r.StudyInstanceUid}, {(r.IsAdjudication ? "adjudicator" : "reader")} '{r.Reader}'";

    /// <summary>One read on its way in: what was checked, then what became of it.</summary>
    private sealed class Candidate(MdaiRead read)
    {
        public MdaiRead Read { get; } = read;
        public ReadingRole Role => Read.IsAdjudication ? ReadingRole.Adjudicator : ReadingRole.Reader;
        public long StudyId { get; set; }
        public string LabelsJson { get; set; } = "[]";
        public ReadPayload? Payload { get; set; }
        public ReadImportOutcome? Result { get; set; }
        public List<string> Messages { get; } = [];

        public bool Storable => Result is null;

        public void Reject(string message)
        {
            Result = ReadImportOutcome.Rejected;
            Messages.Add(message);
        }

        public ReadImportResult ToResult() =>
            new(Read.StudyInstanceUid, Read.Reader, Read.IsAdjudication, Result ?? ReadImportOutcome.Imported, Messages);
    }
}
