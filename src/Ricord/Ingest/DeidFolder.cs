using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>
/// What <see cref="DeidFolder"/> de-identifies: IN, OUT, the link table, the collection and site codes, and the profile
/// (a built-in profile's name or a profile JSON file, <see cref="DeidProfile.Resolve"/>; null: RICORD). BatchFiles files
/// are read, linked and written together: their new patients' links are committed in one durable transaction before
/// any of their outputs is written. Parallelism threads read, de-identify and write (default: one per core).
/// </summary>
public sealed record DeidFolderRequest(
    string Input, string Output, string LinkTablePath, string Collection, string Site, string? Profile = null, int BatchFiles = 256, int? Parallelism = null);

/// <summary>What one run of <see cref="DeidFolder"/> did: counts, and findings by attribute path (never a value).</summary>
public sealed record DeidFolderResult(
    int Seen, int Written, int Quarantined, int NotDicom, int Failed, string LinkTablePath, string ReviewFolder,
    IReadOnlyDictionary<string, long> ResidualHits, IReadOnlyDictionary<string, long> BinaryRemoved);

/// <summary>Why a request cannot run; the message names no input path beyond the folders given.</summary>
public sealed class DeidFolderRefusedException(string message, bool inputMissing = false) : Exception(message)
{
    /// <summary>True when IN does not exist (as opposed to a usage error).</summary>
    public bool InputMissing { get; } = inputMissing;
}

/// <summary>
/// `ricord deid`: de-identifies every file under IN into OUT/&lt;pseudonym&gt;/&lt;study&gt;/&lt;series&gt;/&lt;sop&gt;.dcm at a
/// site, keeping the link table (and files held for review: a burned-in text risk) beside it, apart from IN and OUT.
/// Files go in batches: read and parsed in parallel; the batch's new patients linked in one durable link-table
/// transaction; then de-identified and written in parallel. A batch's links are committed before any of its outputs
/// exists, so a run killed at any point leaves no output whose pseudonym the link table does not hold. An output
/// appears under its name only when complete (written beside it, then renamed). Messages name files by number, never
/// by path: input folders are often named after patients.
/// </summary>
public static class DeidFolder
{
    private const long MaxBatchBytes = 256L << 20;

    public static DeidFolderResult Run(DeidFolderRequest request, Action<string> problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problem);
        var (outDir, reviewDir) = CheckFolders(request);
        var engine = new Deidentifier(request.Profile is null ? null : DeidProfile.Resolve(request.Profile));
        using var table = new SqliteLinkTable(request.LinkTablePath);
        var context = new DeidContext(table, request.Collection, request.Site);
        var totals = new Totals();
        var batch = new List<string>();
        long batchBytes = 0;
        // The same files ingest would take from IN (hidden ones too; unreadable folders skipped), in the same order.
        foreach (var path in IngestSource.FolderFiles(request.Input))
        {
            batch.Add(path);
            batchBytes += SizeOf(path);
            if (batch.Count >= Math.Max(1, request.BatchFiles) || batchBytes >= MaxBatchBytes)
            {
                RunBatch(engine, context, batch, outDir, reviewDir, request.Parallelism, totals, problem);
                batch.Clear();
                batchBytes = 0;
            }
        }

        RunBatch(engine, context, batch, outDir, reviewDir, request.Parallelism, totals, problem);
        return new DeidFolderResult(
            totals.Seen, totals.Written, totals.Quarantined, totals.NotDicom, totals.Failed, table.Path, reviewDir, totals.ResidualHits, totals.BinaryRemoved);
    }

    private static (string Out, string Review) CheckFolders(DeidFolderRequest r)
    {
        if (!Directory.Exists(r.Input))
        {
            throw new DeidFolderRefusedException("the input folder does not exist", inputMissing: true);
        }

        string outDir = Path.GetFullPath(r.Output);
        if (IsInside(r.LinkTablePath, outDir) || IsInside(r.LinkTablePath, r.Input))
        {
            throw new DeidFolderRefusedException("the link table must not be inside IN or OUT (OUT is what leaves the site)");
        }

        if (IsInside(outDir, r.Input))
        {
            throw new DeidFolderRefusedException("OUT must not be inside IN: the next run would de-identify its own output again");
        }

        // Files held for review may show identifying text in their pixels: they stay at the site with the link table,
        // never in OUT (what leaves the site).
        string reviewDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(r.LinkTablePath))!, "review");
        if (IsInside(reviewDir, outDir) || IsInside(outDir, reviewDir) || IsInside(reviewDir, r.Input))
        {
            throw new DeidFolderRefusedException("the review folder beside the link table must be apart from IN and OUT; choose another --link-table");
        }

        return (outDir, reviewDir);
    }

    /// <summary>One batch: parse in parallel, link its new patients in one commit, then de-identify and write in parallel; report in file order.</summary>
    private static void RunBatch(
        Deidentifier engine, DeidContext context, List<string> paths, string outDir, string reviewDir, int? parallelism, Totals totals, Action<string> problem)
    {
        if (paths.Count == 0)
        {
            return;
        }

        int first = totals.Seen + 1;
        var outcomes = new Outcome[paths.Count];
        var files = new DicomFile?[paths.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount };
        ForEach(paths.Count, options, i => files[i] = Read(paths[i], first + i, out outcomes[i]));

        // Every patient of the batch is linked, durably, before the first of its outputs is written.
        var ids = new List<string>();
        foreach (var file in files)
        {
            if (file is not null && Deidentifier.OriginalPatientIdOf(file.Dataset) is { Length: > 0 } id)
            {
                ids.Add(id);
            }
        }

        context.LinkTable.GetOrCreatePatients(context.Collection, context.Site, ids, engine.Profile.DateShift);
        ForEach(paths.Count, options, i =>
        {
            if (files[i] is { } file)
            {
                outcomes[i] = Write(engine, context, file, first + i, outDir, reviewDir);
                files[i] = null;
            }
        });

        foreach (var outcome in outcomes)
        {
            totals.Add(outcome, problem);
        }
    }

    /// <summary>Parallel.For that lets a failure of Ricord's own (a full disk) surface as itself, not wrapped.</summary>
    private static void ForEach(int count, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, options, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
    }

    private static DicomFile? Read(string path, int number, out Outcome outcome)
    {
        outcome = default;
        try
        {
            return DicomFile.Open(path);
        }
        catch (DicomFormatException)
        {
            outcome = new Outcome(Kind.NotDicom, null, null);
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            // A pipe, a device, no permission: reported by number (paths may name patients), and the walk goes on.
            outcome = new Outcome(Kind.Failed, $"failed: file #{number} cannot be read: {InputErrors.Describe(ex, path)}", null);
        }

        return null;
    }

    private static Outcome Write(Deidentifier engine, DeidContext context, DicomFile file, int number, string outDir, string reviewDir)
    {
        try
        {
            var result = engine.Apply(file, context, out var deidentified);
            var ds = deidentified.Dataset;
            string relative = Path.Combine(
                result.Pseudonym,
                ds.GetString(new DicomTag(0x0020000D)) ?? "no-study",
                ds.GetString(new DicomTag(0x0020000E)) ?? "no-series",
                (ds.GetString(new DicomTag(0x00080018)) ?? $"instance-{number}") + ".dcm");
            string target = Path.Combine(result.NeedsReview ? reviewDir : outDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Complete or absent: a run killed while writing leaves a ".partial" file, never a truncated ".dcm".
            string partial = target + ".partial";
            deidentified.Save(partial);
            File.Move(partial, target, overwrite: true);
            return result.NeedsReview
                ? new Outcome(Kind.Quarantined, $"review: file #{number} → the review folder beside the link table (not OUT): {result.ReviewReason}", result.Findings)
                : new Outcome(Kind.Written, null, result.Findings);
        }
        catch (DeidentificationException ex)
        {
            return new Outcome(Kind.Failed, $"failed: file #{number}: {ex.Message}", null);
        }
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            return 0;
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> itself or lies below it.</summary>
    private static bool IsInside(string path, string folder)
    {
        string f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal);
    }

    private enum Kind
    {
        Written,
        Quarantined,
        NotDicom,
        Failed,
    }

    private readonly record struct Outcome(Kind Kind, string? Message, DeidFindings? Findings);

    private sealed class Totals
    {
        public int Seen { get; private set; }

        public int Written { get; private set; }

        public int Quarantined { get; private set; }

        public int NotDicom { get; private set; }

        public int Failed { get; private set; }

        public Dictionary<string, long> ResidualHits { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> BinaryRemoved { get; } = new(StringComparer.Ordinal);

        public void Add(Outcome outcome, Action<string> problem)
        {
            Seen++;
            switch (outcome.Kind)
            {
                case Kind.Written:
                    Written++;
                    break;
                case Kind.Quarantined:
                    Quarantined++;
                    break;
                case Kind.NotDicom:
                    NotDicom++;
                    break;
                default:
                    Failed++;
                    break;
            }

            if (outcome.Message is { } message)
            {
                problem(message);
            }

            if (outcome.Findings is { } findings)
            {
                foreach (var (path, n) in findings.ResidualHits)
                {
                    ResidualHits[path] = ResidualHits.GetValueOrDefault(path) + n;
                }

                foreach (var (path, n) in findings.BinaryRemoved)
                {
                    BinaryRemoved[path] = BinaryRemoved.GetValueOrDefault(path) + n;
                }
            }
        }
    }
}
