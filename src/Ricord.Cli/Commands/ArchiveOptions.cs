using System.CommandLine;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

/// <summary>`ricord ingest`'s zip limits (<see cref="ArchiveLimits"/>): --max-entry-size, --max-expansion-ratio, --max-archive-depth.</summary>
public static class ArchiveOptions
{
    public static (Option<long> MaxEntry, Option<double> MaxRatio, Option<int> MaxDepth) Create()
    {
        var d = ArchiveLimits.Default;
        var maxEntry = new Option<long>("--max-entry-size")
        {
            Description = $"Most bytes one zip entry may expand to (default {d.MaxEntryBytes}); a larger one is quarantined as ArchiveLimit.",
            DefaultValueFactory = _ => d.MaxEntryBytes,
        };
        var maxRatio = new Option<double>("--max-expansion-ratio")
        {
            Description = $"Most uncompressed bytes per compressed byte of a zip entry larger than {d.RatioFloorBytes >> 20} MiB (default {d.MaxExpansionRatio}); " +
                "a zip bomb is quarantined as ArchiveLimit without being expanded.",
            DefaultValueFactory = _ => d.MaxExpansionRatio,
        };
        var maxDepth = new Option<int>("--max-archive-depth")
        {
            Description = $"Archive levels opened: 1 a zip, 2 a zip inside it too (default {d.MaxDepth}); deeper archives are quarantined as ArchiveLimit.",
            DefaultValueFactory = _ => d.MaxDepth,
        };
        maxEntry.Validators.Add(r => Positive(r, r.GetValueOrDefault<long>() > 0, "--max-entry-size"));
        maxRatio.Validators.Add(r => Positive(r, r.GetValueOrDefault<double>() >= 1, "--max-expansion-ratio (at least 1)"));
        maxDepth.Validators.Add(r => Positive(r, r.GetValueOrDefault<int>() > 0, "--max-archive-depth"));
        return (maxEntry, maxRatio, maxDepth);
    }

    public static ArchiveLimits Limits(ParseResult parse, Option<long> maxEntry, Option<double> maxRatio, Option<int> maxDepth) => new()
    {
        MaxEntryBytes = parse.GetValue(maxEntry),
        MaxExpansionRatio = parse.GetValue(maxRatio),
        MaxDepth = parse.GetValue(maxDepth),
    };

    private static void Positive(System.CommandLine.Parsing.OptionResult r, bool ok, string name)
    {
        if (!ok)
        {
            r.AddError($"{name} must be a positive number.");
        }
    }
}
