using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ricord.Release;

/// <summary>
/// Checks a release (docs/release.md, "Verify"): every file of manifest.json is there with its size and SHA-256 and no
/// other file is; no patient is in two splits; each NIfTI volume and label map has the geometry (dims, sform within
/// 1e-4 mm, scaling) of the volume its DICOM series forms, and each volume's voxels are the DICOM's stored values; each
/// SEG has the series' geometry, references its slices and holds exactly the label map's voxels;
/// and no byte of any file, nor any path, holds one of the given identifiers, as written or by the de-identification's
/// residual-identifier rules (<see cref="ResidualIdentifierScan"/>).
/// </summary>
public sealed partial class ReleaseVerifier
{
    public const double AffineTolerance = 1e-4;

    public async Task<ReleaseVerifyResult> VerifyAsync(ReleaseVerifyOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = Path.GetFullPath(options.ReleaseDirectory);
        var (version, files) = ReleaseManifest.Read(root);
        var failures = new ConcurrentBag<string>();
        await CheckFilesAsync(root, files, options, failures, ct).ConfigureAwait(false);
        int patients = CheckSplits(root, failures);
        var (volumes, labelMaps, segs) = await CheckVolumesAsync(root, options, failures, ct).ConfigureAwait(false);
        var scanner = new IdentifierScanner([.. options.Identifiers, .. options.Identities.Select(ResidualIdentifierScan.Value)]);
        var residual = ResidualIdentifierScan.For(options.Identifiers, options.Identities);
        await ScanAsync(root, scanner, residual, options, failures, ct).ConfigureAwait(false);
        return new ReleaseVerifyResult(version, files.Count, files.Sum(f => f.Size), patients, volumes, labelMaps, segs, scanner.Searched,
            [.. failures.Order(StringComparer.Ordinal)]);
    }

    private static async Task CheckFilesAsync(string root, IReadOnlyList<ReleaseFile> files, ReleaseVerifyOptions options, ConcurrentBag<string> failures, CancellationToken ct)
    {
        var listed = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (string extra in AllFiles(root).Where(p => p != ReleaseManifest.FileName && !listed.Contains(p)))
        {
            failures.Add($"{extra}: not listed in {ReleaseManifest.FileName}");
        }

        long done = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (f, c) =>
        {
            string full = Path.Combine(root, f.Path);
            if (!File.Exists(full))
            {
                failures.Add($"{f.Path}: missing");
                return;
            }

            var stream = File.OpenRead(full);
            await using (stream.ConfigureAwait(false))
            {
                string sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, c).ConfigureAwait(false));
                if (stream.Length != f.Size)
                {
                    failures.Add($"{f.Path}: size {stream.Length}, manifest says {f.Size}");
                }
                else if (sha != f.Sha256)
                {
                    failures.Add($"{f.Path}: SHA-256 differs from the manifest (the file changed)");
                }
            }

            options.Progress?.Report(new ReleaseProgress("hashes", Interlocked.Increment(ref done), files.Count, 0));
        }).ConfigureAwait(false);
    }

    /// <summary>No patient in two splits; returns the number of patients.</summary>
    private static int CheckSplits(string root, ConcurrentBag<string> failures)
    {
        string path = Path.Combine(root, "splits.csv");
        if (!File.Exists(path))
        {
            failures.Add("splits.csv: missing");
            return 0;
        }

        var byPatient = CsvReader.ReadFile(path).GroupBy(r => r.GetValueOrDefault("patient_id") ?? "", StringComparer.Ordinal).ToList();
        foreach (var patient in byPatient.Where(g => g.Select(r => r.GetValueOrDefault("split")).Distinct().Count() > 1))
        {
            failures.Add($"splits.csv: patient {patient.Key} is in more than one split ({string.Join(", ", patient.Select(r => r["split"]).Distinct().Order(StringComparer.Ordinal))})");
        }

        foreach (var row in byPatient.SelectMany(g => g).Where(r => !SplitAssigner.Names.Contains(r.GetValueOrDefault("split"))))
        {
            failures.Add($"splits.csv: study {row.GetValueOrDefault("study_instance_uid")} has no valid split");
        }

        return byPatient.Count;
    }

    private static async Task ScanAsync(string root, IdentifierScanner scanner, ResidualIdentifierScan residual, ReleaseVerifyOptions options,
        ConcurrentBag<string> failures, CancellationToken ct)
    {
        var all = AllFiles(root).ToList();
        long done = 0;
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, async (path, c) =>
        {
            if (scanner.FindInText(path) is { } inPath)
            {
                failures.Add($"{path}: the path holds identifier #{inPath + 1}");
            }

            if (await scanner.FindInFileAsync(Path.Combine(root, path), c).ConfigureAwait(false) is { } inFile)
            {
                failures.Add($"{path}: holds identifier #{inFile + 1}");
            }
            else if (await residual.FindAsync(root, path, c).ConfigureAwait(false) is { } where)
            {
                failures.Add($"{path}: a known identity is in {where} (residual-identifier rules)");
            }

            options.Progress?.Report(new ReleaseProgress("identifiers", Interlocked.Increment(ref done), all.Count, 0));
        }).ConfigureAwait(false);
    }

    /// <summary>Every file under the release root, relative and '/'-separated.</summary>
    private static IEnumerable<string> AllFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
}
