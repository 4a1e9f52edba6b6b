using System.Globalization;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary>What the residual-identifier scan and the binary rule did, by attribute path: counts only, never a value.</summary>
internal static class DeidSummary
{
    private const int MaxRows = 20;

    public static void Write(IAnsiConsole console, IReadOnlyDictionary<string, long> residualHits, IReadOnlyDictionary<string, long> binaryRemoved)
    {
        Section(console, "residual identifiers found and removed", residualHits);
        Section(console, "binary values removed (Clean, Dummy or unknown VR)", binaryRemoved);
    }

    private static void Section(IAnsiConsole console, string title, IReadOnlyDictionary<string, long> counts)
    {
        if (counts.Count == 0)
        {
            console.WriteLine($"{title}: none");
            return;
        }

        console.WriteLine(FormattableString.Invariant($"{title}: {counts.Values.Sum()} in {counts.Count} attribute(s)"));
        foreach (var (path, n) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxRows))
        {
            console.WriteLine($"  {path}: {n.ToString(CultureInfo.InvariantCulture)}");
        }

        if (counts.Count > MaxRows)
        {
            console.WriteLine(FormattableString.Invariant($"  … and {counts.Count - MaxRows} more attribute(s)"));
        }
    }
}
