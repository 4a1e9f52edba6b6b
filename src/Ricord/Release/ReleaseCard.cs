using System.Globalization;
using System.Text;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Results;

namespace Ricord.Release;

/// <summary>README.md, the dataset card: what is in the release, counted by site, modality, sex, age band, label and
/// split; the readers' agreement; excluded series; licence, citation and known limitations.</summary>
internal static class ReleaseCard
{
    public static string Build(ReleaseBuildOptions options, ReleaseSelection selection, List<ReleaseProject> projects,
        Dictionary<string, SeriesOutcome> series, Dictionary<string, (string Stratum, string Split)> splits, IReadOnlyList<SegmentationLabel> labels,
        IReadOnlyList<(string Path, string Caption)> plots)
    {
        var spec = options.Spec;
        string name = spec.Name ?? string.Join('+', spec.Collections);
        var md = new StringBuilder();
        Line(md, $"# {name} {options.Version}");
        Line(md, $"\nA Ricord release: {selection.Patients.Count} patients, {selection.Studies.Count} studies, {selection.Series.Count} series, " +
            $"{selection.Instances.Count} DICOM instances; {series.Values.Count(s => s.Nifti is not null)} NIfTI volumes, {series.Values.Count(s => s.LabelMap is not null)} label maps. " +
            "The format is described in Ricord's docs/release.md; every file's SHA-256 is in manifest.json (`ricord release verify DIR` checks them).");
        Line(md, "\n## Contents\n\n| path | what |\n|---|---|");
        Line(md, spec.DicomLayout == ReleaseSpec.LayoutUid ? "| `dicom/<study>/<series>/<sop>.dcm` | de-identified DICOM (by UID) |"
            : "| `dicom/<collection>/<patient>/<study>/<series>/<sop>.dcm` | de-identified DICOM (TCIA layout) |");
        Line(md, "| `nifti/<patient>/<series>.nii`, `<series>_labels.nii` | NIfTI-1 volumes (dcm2niix geometry) and consensus label maps |");
        Line(md, "| `seg/<patient>/<series>.dcm` | the consensus segmentation as DICOM SEG (binary, one segment per label) |");
        Line(md, "| `annotations/<project>.json` | every submitted read, MD.ai format |");
        Line(md, "| `labels.csv`, `series.csv`, `instances.csv`, `clinical.csv`, `splits.csv` | tables; `data_dictionary.csv` describes every column |");
        Line(md, "| `plots/*.png` | the plots below (labels per site, agreement, segmentation volumes, slice thickness) |");
        Line(md, "| `manifest.json` | every file's path, size and SHA-256; versions, de-identification profile, the release spec |");
        foreach (string line in ReleaseOptionsCard.Lines(spec))
        {
            Line(md, line);
        }

        Table(md, "Patients, studies and series by site", ["site", "patients", "studies", "series"],
            selection.Patients.GroupBy(p => p.Site).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new[] { g.Key, N(g.Count()), N(selection.Studies.Count(s => s.Patient.Site == g.Key)), N(selection.Series.Count(s => s.Study.Patient.Site == g.Key)) }));
        Table(md, "Series and instances by modality", ["modality", "series", "instances"],
            selection.Series.GroupBy(s => s.Modality).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new[] { g.Key, N(g.Count()), N(selection.Instances.Count(i => i.Series.Modality == g.Key)) }));
        Table(md, "Patients by sex", ["sex", "patients"], selection.Patients.GroupBy(p => p.Sex is { Length: > 0 } s ? s : "unknown")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new[] { g.Key, N(g.Count()) }));
        Table(md, "Patients by age band", ["age", "patients"], selection.Patients.GroupBy(p => AgeBand(p.Age))
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new[] { g.Key, N(g.Count()) }));
        Table(md, "Splits (by patient, stratified by site and consensus label)", ["split", "patients", "studies"],
            SplitAssigner.Names.Select(n => new[] { n, N(splits.Values.Count(v => v.Split == n)), N(selection.Studies.Count(s => splits[s.Patient.PatientId].Split == n)) }));
        Line(md, $"\nSeed {spec.Seed}; fractions {D(spec.Splits.Train)} / {D(spec.Splits.Validation)} / {D(spec.Splits.Test)}" +
            (options.PreviousRelease is null ? "." : "; patients of the earlier release keep their split."));
        foreach (var project in projects)
        {
            Labels(md, project, selection);
            Agreement(md, project.Agreement);
        }

        if (labels.Count > 0)
        {
            Table(md, "Segmentation label maps (voxel value → label; consensus voxels and volume over all label maps)", ["value", "label", "label maps", "voxels", "mL"],
                labels.Select(l => new[]
                {
                    N(l.Index), l.Name, N(series.Values.Count(s => s.LabelVoxels.GetValueOrDefault(l.Index) > 0)),
                    N(series.Values.Sum(s => s.LabelVoxels.GetValueOrDefault(l.Index))), D(series.Values.Sum(s => s.LabelVoxels.GetValueOrDefault(l.Index) * s.VoxelVolumeMl)),
                }));
        }

        if (plots.Count > 0)
        {
            Line(md, "\n## Plots\n");
            foreach (var (path, caption) in plots)
            {
                Line(md, $"![{caption}]({path})\n");
            }
        }

        var excluded = series.Values.Where(s => s.Excluded is not null).OrderBy(s => s.Series.SeriesInstanceUid, StringComparer.Ordinal).ToList();
        Table(md, "CT series without a NIfTI volume", ["series", "reason"], excluded.Select(s => new[] { s.Series.SeriesInstanceUid, s.Excluded! }));
        Line(md, $"\n## Licence\n\n{spec.License}.");
        Line(md, $"\n## How to cite\n\n{name}, version {options.Version}, built with Ricord. Cite the dataset with its version; the manifest's SHA-256 values identify the exact files.");
        Line(md, "\n## Known limitations\n\n- Dates are shifted by a constant offset per patient; intervals within a patient are kept, calendar dates are not real.");
        Line(md, "- Label maps hold the strict majority of the readers' masks (a single reader's mask where one reader drew); ties leave voxels out.");
        Line(md, "- CT series with gaps, uneven spacing, gantry tilt, duplicates or several stacks have no NIfTI volume (listed above); their DICOM is in the release.");
        return md.ToString();
    }

    private static void Labels(StringBuilder md, ReleaseProject project, ReleaseSelection selection)
    {
        var inRelease = selection.Studies.Select(s => s.StudyInstanceUid).ToHashSet(StringComparer.Ordinal);
        var complete = project.Consensus.Studies.Where(s => s.IsComplete && inRelease.Contains(s.StudyInstanceUid)).ToList();
        var rows = complete.SelectMany(s => s.Consensus!.Groups).GroupBy(g => (g.Group, Label: g.Label ?? $"({ProjectConsensus.StatusName(g.Status)})"))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => new[] { g.Key.Group, g.Key.Label, N(g.Count()) });
        Table(md, $"Consensus labels, project {project.Name} ({complete.Count} complete studies)", ["group", "label", "studies"], rows);
    }

    private static void Agreement(StringBuilder md, ProjectAgreement agreement)
    {
        Table(md, $"Reader agreement, project {agreement.Project}", ["group", "studies", "Fleiss κ (95% CI)", "percent agreement"],
            agreement.Report.Labels.Select(g => new[] { g.Group, N(g.StudiesWithTwoOrMoreRatings), Ci(g.FleissKappa), Ci(g.PercentAgreement) }));
        if (agreement.Report.SegmentationSummaries.Count > 0)
        {
            Table(md, $"Segmentation agreement, project {agreement.Project}", ["label", "readers", "studies", "mean Dice", "pooled Dice", "mean |ΔV| mL"],
                agreement.Report.SegmentationSummaries.Select(s => new[] { s.Label, $"{s.ReaderA} – {s.ReaderB}", N(s.Studies), D(s.MeanDice), D(s.PooledDice), D(s.MeanAbsoluteVolumeDifferenceMl) }));
        }
    }

    private static string AgeBand(string? age)
    {
        if (age is not { Length: 4 } || !int.TryParse(age.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return "unknown";
        }

        int years = age[3] == 'Y' ? n : 0;
        return years switch { < 18 => "0-17", < 40 => "18-39", < 60 => "40-59", < 80 => "60-79", _ => "80+" };
    }

    private static void Table(StringBuilder md, string title, string[] header, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        Line(md, $"\n## {title}\n");
        if (list.Count == 0)
        {
            Line(md, "None.");
            return;
        }

        Line(md, $"| {string.Join(" | ", header)} |");
        Line(md, $"|{string.Concat(header.Select(_ => "---|"))}");
        foreach (var row in list)
        {
            Line(md, $"| {string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))} |");
        }
    }

    private static string Ci(Estimate e) => !e.IsDefined ? "n/a" : double.IsNaN(e.Lower) ? D(e.Value) : $"{D(e.Value)} ({D(e.Lower)}–{D(e.Upper)})";

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(double d) => double.IsNaN(d) ? "n/a" : d.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');
}
