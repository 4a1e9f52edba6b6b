using System.Globalization;
using System.Text.RegularExpressions;
using Ricord.Annotation.Import;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Schemas;

namespace Ricord.Cli.Commands;

public static partial class ImportRicordCommand
{
    private const int MaxAnnotationIdsShown = 10;

    /// <summary>The built-in schema with the most of the export's label names (RICORD-1A's → ricord-ct, 1C's → ricord-cxr).</summary>
    private static string DetectSchema(MdaiExport export)
    {
        var names = export.LabelGroups.SelectMany(g => g.Labels).Select(l => LabelNames.Normalize(l.Name)).ToHashSet(StringComparer.Ordinal);
        var best = BuiltinSchemas.Names
            .Select(n => (Name: n, Hits: BuiltinSchemas.Get(n)!.Groups.SelectMany(g => g.Labels).Count(l => names.Contains(LabelNames.Normalize(l.Name)))))
            .OrderByDescending(x => x.Hits).First();
        return best.Hits > 0 ? best.Name : throw new InvalidDataException("The export uses no label of ricord-ct or ricord-cxr; name the schema with --schema.");
    }

    /// <summary>What the plan found, by counts and annotation ids only: a release's UIDs and paths are not printed.</summary>
    private static void PrintPlan(ReleaseImportPlan plan, ImageIndex index, LabelSchema schema, TextWriter stdout)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"images: {index.Instances.Count} instances in {index.Studies.Count} studies, layout {index.Layout}, {index.Unreadable.Count} unreadable files, {index.Duplicates.Count} duplicate files"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"annotations: schema {schema.Name} v{schema.Version}, {plan.Reads.Count} reads, {plan.Placements.Count} drawings placed on {plan.Series.Count} series, " +
            $"{plan.StudiesWithImages} studies with images, {plan.StudiesWithoutAnnotations} image studies without annotations"));
        foreach (var (kind, u) in new[] { ("studies", plan.UnknownStudies), ("series", plan.UnknownSeries), ("instances", plan.UnknownInstances) }.Where(x => x.Item2.Distinct > 0))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"not in the images: {u.Distinct} {kind}, referred to by {u.Annotations} annotations"));
        }

        if (plan.SkippedAnnotations.Count > 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: skipped {plan.SkippedAnnotations.Count} annotations on an instance not in the images (the rest of each read is kept): {string.Join(", ", plan.SkippedAnnotations.Take(MaxAnnotationIdsShown))}{(plan.SkippedAnnotations.Count > MaxAnnotationIdsShown ? ", …" : "")}"));
        }

        if (plan.Misplaced.Count > 0)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"misplaced: {plan.Misplaced.Count} annotations have an image but no slice to land on: {string.Join(", ", plan.Misplaced.Take(MaxAnnotationIdsShown).Select(m => m.AnnotationId))}{(plan.Misplaced.Count > MaxAnnotationIdsShown ? ", …" : "")}"));
        }

        stdout.WriteLine(plan.Complete ? "plan: complete (every referenced study, series and instance found, every drawing placed)" : "plan: INCOMPLETE (see above)");
    }

    /// <summary>The files to ingest by site, with their collection: --site/--collection, else MIDRC-RICORD-1x-&lt;site&gt;-&lt;n&gt; PatientIDs.</summary>
    private static Dictionary<string, (string Collection, List<string> Paths)>? Sites(ImageIndex index, Request r, TextWriter stderr)
    {
        var result = new Dictionary<string, (string Collection, List<string> Paths)>(StringComparer.Ordinal);
        int unknown = 0;
        foreach (var i in index.Instances.Values.Concat(index.Duplicates).OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            var m = i.PatientId is { } id ? RicordPatientId().Match(id) : Match.Empty;
            string? site = r.Site ?? (m.Success ? m.Groups["site"].Value : null);
            string? collection = r.Collection ?? (m.Success ? "MIDRC-RICORD-" + m.Groups["release"].Value.ToUpperInvariant() : null);
            if (site is null || collection is null)
            {
                unknown++;
                continue;
            }

            (result.TryGetValue(site, out var s) ? s : result[site] = (collection, [])).Paths.Add(i.Path);
        }

        string? problem = unknown > 0 ? $"{unknown} instances have no MIDRC-RICORD-1x-<site>-<n> PatientID; give --site and --collection"
            : result.Count == 0 ? "no DICOM instances under the images folder"
            : result.Values.Select(v => v.Collection).Distinct(StringComparer.Ordinal).Count() > 1 ? "the images belong to several releases; give --collection"
            : null;
        if (problem is not null)
        {
            stderr.WriteLine($"ricord import-ricord: {problem}");
            return null;
        }

        return result;
    }

    [GeneratedRegex(@"^MIDRC-RICORD-(?<release>1[ABCabc])-(?<site>[A-Za-z0-9]+)-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex RicordPatientId();
}
