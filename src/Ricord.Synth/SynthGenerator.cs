using System.Diagnostics;
using System.Text.Json;

namespace Ricord.Synth;

/// <summary>
/// Generates a synthetic multi-site RICORD-like dataset into a folder (layout in docs/synth.md). A
/// sequential metadata pass streams truth, annotations, clinical sheets and the PHI manifest from the
/// plan; a bounded parallel pass renders and writes the instances. Output depends only on the options.
/// </summary>
public sealed partial class SynthGenerator(SynthOptions options)
{
    private readonly SynthPlanner _planner = new(options);

    /// <summary>The .NET date format a built-in site writes its clinical.csv dates in (docs/synth.md); null for an
    /// unknown site. Given to `ricord clinical import`, because MM/dd and dd/MM cannot always be told apart.</summary>
    public static string? ClinicalDateFormat(string siteCode) =>
        SynthSites.All.FirstOrDefault(s => s.Id == siteCode)?.CsvDateFormat;

    public async Task<SynthResult> RunAsync(string outDir, IProgress<SynthProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(outDir, "truth", "masks"));
        Directory.CreateDirectory(Path.Combine(outDir, "annotations"));
        foreach (var site in _planner.Sites)
        {
            Directory.CreateDirectory(Path.Combine(outDir, "sites", site.Id, "dicom"));
        }

        long total = WriteMetadata(outDir);
        var (instances, bytes) = await WriteInstancesAsync(outDir, total, progress, cancellationToken).ConfigureAwait(false);
        return new SynthResult(instances, bytes, clock.Elapsed);
    }

    private static JsonWriterOptions JsonOptions => new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Slug(string label) =>
        string.Join('-', label.ToLowerInvariant().Split((char[])[' ', '/', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries));

    private static string MaskPath(string seriesUid, string label) => $"truth/masks/{seriesUid}.{Slug(label)}.rle";
}
