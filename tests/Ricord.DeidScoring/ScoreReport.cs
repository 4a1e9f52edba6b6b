using System.Globalization;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>The scorer's result for one run: every planted value scored, and where leaked needles were found.</summary>
public sealed record ScoreReport(string Tool, string Profile, IReadOnlyList<ScoreRow> Rows, IReadOnlyList<string> LeakLocations, int OutputFiles)
{
    /// <summary>Output files written but not readable as DICOM (their values count as wrong).</summary>
    public int Unreadable { get; init; }

    public int Correct => Rows.Count(r => r.Correct);

    public double PercentCorrect => Rows.Count == 0 ? 0 : 100.0 * Correct / Rows.Count;

    /// <summary>Planted values that had to go (not kept by any accepted action) whose needle is in some output byte or log line.</summary>
    public int Leaked => Rows.Count(r => r.Leaked);

    public IEnumerable<ScoreRow> Wrong => Rows.Where(r => !r.Correct || r.Leaked);

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Tool} ({Profile}): {Rows.Count} planted values in {Rows.Select(r => r.Value.File).Distinct().Count()} files, {OutputFiles} written and readable{(Unreadable > 0 ? $", {Unreadable} unreadable" : "")}; actions correct {Correct}/{Rows.Count} = {PercentCorrect:F2} %; planted values found in output: {Leaked}");

    /// <summary>Writes the summary, a table by place class, and one line per wrong action or leak (same path in several files counted once).</summary>
    public void Print(TextWriter w, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine(Summary);
        w.WriteLine();
        w.WriteLine("| place | values | correct | leaked |");
        w.WriteLine("|---|---:|---:|---:|");
        foreach (var g in Rows.GroupBy(r => r.Value.Place).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {g.Key} | {g.Count()} | {g.Count(r => r.Correct)} | {g.Count(r => r.Leaked)} |"));
        }

        w.WriteLine();
        var shown = all ? Rows : Wrong;
        w.WriteLine(all ? "Every planted value:" : "Wrong actions and leaks:");
        w.WriteLine("| files | attribute path | name | VR | expected | observed | leaked | rule |");
        w.WriteLine("|---:|---|---|---|---|---|---|---|");
        foreach (var g in shown.GroupBy(r => (r.Value.Where, Observed: r.Observed.Outcome, r.Leaked, r.Observed.NeedleInValue)).OrderBy(g => g.Key.Where, StringComparer.Ordinal))
        {
            var r = g.First();
            string observed = OutcomeText.Format(r.Observed.Outcome) + (r.Observed.NeedleInValue ? " (needle in value)" : "");
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Count()} | {r.Value.Where} | {Name(r.Value)} | {r.Value.VR} | {OutcomeText.Format(r.Expected.Accept)} | {observed} | {(r.Leaked ? "yes" : "")} | {r.Expected.Rule} |"));
        }

        if (LeakLocations.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Where planted needles were found in output (first 40; a leak only where the profile may not keep the value, counted above):");
            foreach (string l in LeakLocations.Take(40))
            {
                w.WriteLine("  " + l);
            }
        }
    }

    private static string Name(PlantedValue v) =>
        v.Element.Tag.IsPrivate ? "private" : DicomDictionary.Find(v.Element.Tag)?.Keyword ?? "unknown";
}
