using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// Scores de-identified output against the corpus: each planted value's observed action against the expected one,
/// and every needle looked for in all output bytes and log lines.
/// </summary>
public static class DeidScorer
{
    /// <summary>Runs <see cref="Deidentifier.Apply(DicomFile, DeidContext, out DicomFile)"/> on every corpus file (read back from
    /// <paramref name="paths"/>) and scores the written bytes, the results and any error message.</summary>
    public static ScoreReport ScoreApi(PhiCorpus corpus, IReadOnlyList<string> paths, DeidProfile profile, bool strict)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(paths);
        var engine = new Deidentifier(profile);
        var context = new DeidContext(new InMemoryLinkTable(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()), "RICORD-SCORE", "990001");
        var outputs = new Dictionary<int, DicomFile?>();
        var bytes = new List<(string Where, byte[] Bytes)>();
        var log = new List<string>();
        foreach (var f in corpus.Files)
        {
            try
            {
                var input = DicomFile.Open(paths[f.Index]);
                var result = engine.Apply(input, context, out var output);
                byte[] written = output.ToBytes();
                bytes.Add(($"output of {f.Name}", written));
                outputs[f.Index] = DicomFile.Read(written);
                log.Add(result.ToString());
            }
            catch (Exception ex) when (ex is DeidentificationException or DicomFormatException or InvalidOperationException)
            {
                outputs[f.Index] = null;
                log.Add(ex.ToString());
            }
        }

        return Score(corpus, new Expectations(profile, strict), "Deidentifier.Apply", profile.Name, outputs, bytes, log);
    }

    /// <summary>Scores given outputs (by corpus file index; null or missing: nothing written for it), all bytes to search and all log lines.
    /// A file in <paramref name="unreadable"/> was written but cannot be read as DICOM: none of its actions counts as correct.</summary>
    public static ScoreReport Score(PhiCorpus corpus, Expectations expectations, string tool, string profile, IReadOnlyDictionary<int, DicomFile?> outputs,
        IEnumerable<(string Where, byte[] Bytes)> bytes, IEnumerable<string> log, IReadOnlySet<int>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(log);
        var scan = new NeedleScan(corpus.Values.Where(v => v.Needle is not null).Select(v => v.Needle!));
        var found = new HashSet<string>(StringComparer.Ordinal);
        var locations = new List<string>();
        foreach (var (where, b) in bytes.Append(("log lines", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', log)))))
        {
            var here = new HashSet<string>(StringComparer.Ordinal);
            scan.Scan(b, here);
            found.UnionWith(here);
            if (here.Count > 0)
            {
                locations.Add($"{where}: {here.Count} needles");
            }
        }

        var rows = new List<ScoreRow>();
        foreach (var v in corpus.Values)
        {
            var expected = expectations.For(v);
            var observed = unreadable?.Contains(v.File) == true ? new Observation(Outcome.None, false) : Observer.Observe(v, outputs.GetValueOrDefault(v.File));
            bool leaked = v.Needle is { } n && found.Contains(n.ToUpperInvariant()) && !expected.MayKeep;
            rows.Add(new ScoreRow(v, expected, observed, leaked));
        }

        return new ScoreReport(tool, profile, rows, locations, outputs.Values.Count(o => o is not null)) { Unreadable = unreadable?.Count ?? 0 };
    }
}
