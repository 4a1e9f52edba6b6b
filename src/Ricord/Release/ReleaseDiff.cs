using System.Text;

namespace Ricord.Release;

/// <summary>
/// What changed from release A to release B, from their tables: patients, studies and series added and removed, studies
/// whose consensus label changed (per project and group), patients whose split changed, files whose bytes changed; the
/// change class that follows, and whether B's version grew enough for it (a patch may not change data or labels, a minor
/// may add or withdraw data, only a major may change labels or splits).
/// </summary>
public sealed record ReleaseDiff(
    string FromVersion,
    string ToVersion,
    IReadOnlyList<string> AddedPatients,
    IReadOnlyList<string> RemovedPatients,
    IReadOnlyList<string> AddedStudies,
    IReadOnlyList<string> RemovedStudies,
    IReadOnlyList<string> AddedSeries,
    IReadOnlyList<string> RemovedSeries,
    IReadOnlyList<ReleaseRelabel> Relabelled,
    IReadOnlyList<ReleaseSplitMove> SplitChanges,
    int ChangedFiles)
{
    public ReleaseChange Change =>
        Relabelled.Count > 0 || SplitChanges.Count > 0 ? ReleaseChange.Major
        : AddedStudies.Count + RemovedStudies.Count + AddedSeries.Count + RemovedSeries.Count + AddedPatients.Count + RemovedPatients.Count > 0 ? ReleaseChange.Minor
        : ReleaseChange.Patch;

    /// <summary>The part B's version grew by relative to A's, or null when it did not grow.</summary>
    public ReleaseChange? Bump
    {
        get
        {
            var a = ReleaseVersion.Parse(FromVersion);
            var b = ReleaseVersion.Parse(ToVersion);
            return b.Major > a.Major ? ReleaseChange.Major
                : b.Major == a.Major && b.Minor > a.Minor ? ReleaseChange.Minor
                : b.Major == a.Major && b.Minor == a.Minor && b.Patch > a.Patch ? ReleaseChange.Patch
                : null;
        }
    }

    public bool VersionIsValid => Bump is { } bump && bump >= Change;

    /// <summary>Why the version is not valid, or null.</summary>
    public string? VersionProblem => VersionIsValid ? null
        : Bump is null ? $"version {ToVersion} is not above {FromVersion}"
        : $"the changes from {FromVersion} need a {Change.ToString().ToLowerInvariant()} version step, but {ToVersion} is a {Bump.Value.ToString().ToLowerInvariant()} step";

    /// <summary>Compares two release folders (A's version from its manifest; B's from its manifest, or <paramref name="toVersion"/>
    /// while B is being built and has none yet).</summary>
    public static ReleaseDiff Compare(string from, string to, string? toVersion = null)
    {
        var (fromVersion, fromFiles) = ReleaseManifest.Read(from);
        var (version, toFiles) = toVersion is null ? ReleaseManifest.Read(to) : (toVersion, Hashes(to));
        var a = ReleaseTables.Read(from);
        var b = ReleaseTables.Read(to);
        var oldHashes = fromFiles.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        return new ReleaseDiff(fromVersion, version,
            Minus(b.Patients, a.Patients), Minus(a.Patients, b.Patients), Minus(b.Studies, a.Studies), Minus(a.Studies, b.Studies),
            Minus(b.Series, a.Series), Minus(a.Series, b.Series),
            [.. a.Labels.Where(l => b.Labels.TryGetValue(l.Key, out _) || b.Studies.Contains(l.Key.Study))
                .Select(l => new ReleaseRelabel(l.Key.Study, l.Key.Project, l.Key.Group, l.Value, b.Labels.GetValueOrDefault(l.Key)))
                .Where(r => r.From != r.To).OrderBy(r => r.Study, StringComparer.Ordinal).ThenBy(r => r.Project, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal)],
            [.. a.Splits.Where(s => b.Splits.TryGetValue(s.Key, out string? now) && now != s.Value)
                .Select(s => new ReleaseSplitMove(s.Key, s.Value, b.Splits[s.Key])).OrderBy(s => s.Patient, StringComparer.Ordinal)],
            toFiles.Count(f => oldHashes.TryGetValue(f.Path, out string? old) && old != f.Sha256));
    }

    /// <summary>CHANGES.md: the change class, then every list.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append($"# Changes from {FromVersion} to {ToVersion}\n\n");
        md.Append($"Change class: **{Change.ToString().ToLowerInvariant()}** (a patch changes no data or label, a minor adds or withdraws data, a major changes labels or splits).\n");
        Section(md, "Patients added", AddedPatients);
        Section(md, "Patients removed (withdrawn)", RemovedPatients);
        Section(md, "Studies added", AddedStudies);
        Section(md, "Studies removed (withdrawn)", RemovedStudies);
        Section(md, "Series added", AddedSeries);
        Section(md, "Series removed (withdrawn)", RemovedSeries);
        Section(md, "Relabelled (study, project, group: before → after)", [.. Relabelled.Select(r => $"{r.Study}, {r.Project}, {r.Group}: {r.From ?? "(none)"} → {r.To ?? "(none)"}")]);
        Section(md, "Split changes", [.. SplitChanges.Select(s => $"{s.Patient}: {s.From} → {s.To}")]);
        md.Append($"\nFiles changed in place: {ChangedFiles}.\n");
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        md.Append($"\n## {title} ({items.Count})\n\n");
        foreach (string item in items)
        {
            md.Append($"- {item}\n");
        }
    }

    private static List<string> Minus(IReadOnlySet<string> a, IReadOnlySet<string> b) => [.. a.Where(x => !b.Contains(x)).Order(StringComparer.Ordinal)];

    private static List<ReleaseFile> Hashes(string root) =>
        [.. CsvReader.ReadFile(Path.Combine(root, "instances.csv")).Select(r => new ReleaseFile(r["path"], long.Parse(r["size"], System.Globalization.CultureInfo.InvariantCulture), r["sha256"]))];
}
