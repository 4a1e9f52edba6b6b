using System.Globalization;
using ScottPlot;

namespace Ricord.Release;

/// <summary>
/// The dataset card's plots (plots/*.png, ScottPlot): consensus labels per site and reader agreement (Fleiss κ with its
/// 95% CI) per reading project, consensus segmentation volumes per label, CT slice thickness. Same data, same bytes:
/// fixed size, one font (DejaVu Sans, resolved by name), no clock or random colour; data in release order.
/// </summary>
internal static class ReleasePlots
{
    public const int Width = 800;
    public const int Height = 450;
    private const string Font = "DejaVu Sans";

    /// <summary>(path, caption, PNG) of every plot that has data, in card order.</summary>
    public static List<(string Path, string Caption, byte[] Png)> Build(ReleaseSelection selection, List<ReleaseProject> projects,
        Dictionary<string, SeriesOutcome> series, IReadOnlyList<SegmentationLabel> labels)
    {
        var plots = new List<(string, string, byte[])>();
        foreach (var project in projects)
        {
            if (LabelsBySite(project, selection) is { } byLabel)
            {
                plots.Add(($"plots/labels_{Safe(project.Name)}.png", $"Consensus labels per site, project {project.Name}", byLabel));
            }

            if (Agreement(project) is { } agreement)
            {
                plots.Add(($"plots/agreement_{Safe(project.Name)}.png", $"Reader agreement (Fleiss κ, 95% CI), project {project.Name}", agreement));
            }
        }

        if (Volumes(series, labels) is { } volumes)
        {
            plots.Add(("plots/segmentation_volumes.png", "Consensus segmentation volume per label map and label (mL)", volumes));
        }

        if (SliceThickness(series) is { } thickness)
        {
            plots.Add(("plots/slice_thickness.png", "Slice thickness of the CT series", thickness));
        }

        return plots;
    }

    /// <summary>Grouped bars: per site, the studies with each consensus label (first group of the project that has one).</summary>
    private static byte[]? LabelsBySite(ReleaseProject project, ReleaseSelection selection)
    {
        var studies = selection.Studies.ToDictionary(s => s.StudyInstanceUid, StringComparer.Ordinal);
        var rows = project.Consensus.Studies.Where(s => s.IsComplete && studies.ContainsKey(s.StudyInstanceUid))
            .SelectMany(s => s.Consensus!.Groups.Where(g => g.Label is not null).Select(g => (Site: studies[s.StudyInstanceUid].Patient.Site, g.Group, Label: g.Label!)))
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        string group = rows[0].Group;
        rows = [.. rows.Where(r => r.Group == group)];
        var sites = rows.Select(r => r.Site).Distinct().Order(StringComparer.Ordinal).ToList();
        var names = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        using var plot = NewPlot($"{project.Name}: {group}", "site", "studies");
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / names.Count;
        for (int l = 0; l < names.Count; l++)
        {
            var bars = sites.Select((site, s) => new Bar
            {
                Position = s + ((l + 0.5) * width) - 0.4,
                Value = rows.Count(r => r.Site == site && r.Label == names[l]),
                Size = width * 0.9,
                FillColor = palette.GetColor(l),
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = names[l];
        }

        plot.Axes.Bottom.SetTicks([.. sites.Select((_, s) => (double)s)], [.. sites]);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>Fleiss κ per label group, a marker with its 95% bootstrap CI as a line.</summary>
    private static byte[]? Agreement(ReleaseProject project)
    {
        var groups = project.Agreement.Report.Labels.Where(g => g.FleissKappa.IsDefined).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        using var plot = NewPlot($"{project.Name}: reader agreement", "label group", "Fleiss κ (95% CI)");
        for (int i = 0; i < groups.Count; i++)
        {
            var k = groups[i].FleissKappa;
            if (!double.IsNaN(k.Lower) && !double.IsNaN(k.Upper))
            {
                var line = plot.Add.Line(i, k.Lower, i, k.Upper);
                line.LineWidth = 2;
                line.Color = Colors.Black;
            }

            var marker = plot.Add.Marker(i, k.Value);
            marker.Size = 10;
            marker.Color = Colors.Black;
        }

        plot.Axes.Bottom.SetTicks([.. groups.Select((_, i) => (double)i)], [.. groups.Select(g => g.Group)]);
        plot.Axes.SetLimitsX(-0.5, groups.Count - 0.5);
        plot.Axes.SetLimitsY(Math.Min(0, groups.Min(g => double.IsNaN(g.FleissKappa.Lower) ? g.FleissKappa.Value : g.FleissKappa.Lower)) - 0.05, 1.05);
        return Png(plot);
    }

    /// <summary>Per label, each label map's consensus volume of that label (mL), as points.</summary>
    private static byte[]? Volumes(Dictionary<string, SeriesOutcome> series, IReadOnlyList<SegmentationLabel> labels)
    {
        var maps = series.Values.Where(s => s.LabelMap is not null).OrderBy(s => s.Series.SeriesInstanceUid, StringComparer.Ordinal).ToList();
        if (maps.Count == 0 || labels.Count == 0)
        {
            return null;
        }

        using var plot = NewPlot("Consensus segmentation volumes", "label", "volume per label map (mL)");
        for (int i = 0; i < labels.Count; i++)
        {
            var values = maps.Select(m => m.LabelVoxels.GetValueOrDefault(labels[i].Index) * m.VoxelVolumeMl).Where(v => v > 0).ToList();
            foreach (double v in values)
            {
                var marker = plot.Add.Marker(i + 1, v);
                marker.Size = 7;
                marker.Color = Color.FromHex(labels[i].Color is { Length: 7 } c && c[0] == '#' ? c : "#1f77b4");
            }
        }

        plot.Axes.Bottom.SetTicks([.. labels.Select((_, i) => (double)(i + 1))], [.. labels.Select(l => l.Index.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(0.5, labels.Count + 0.5);
        plot.Axes.Margins(bottom: 0);
        return Png(plot);
    }

    /// <summary>Bars: CT series per Slice Thickness value.</summary>
    private static byte[]? SliceThickness(Dictionary<string, SeriesOutcome> series)
    {
        var values = series.Values.Where(s => s.Series.Modality == "CT" && s.SliceThickness is > 0).GroupBy(s => Math.Round(s.SliceThickness!.Value, 3))
            .OrderBy(g => g.Key).Select(g => (Thickness: g.Key, Count: g.Count())).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        using var plot = NewPlot("Slice thickness", "Slice Thickness (mm)", "CT series");
        var bars = plot.Add.Bars(values.Select((v, i) => new Bar { Position = i, Value = v.Count, FillColor = new ScottPlot.Palettes.Category10().GetColor(0) }).ToList());
        bars.LegendText = "";
        plot.Axes.Bottom.SetTicks([.. values.Select((_, i) => (double)i)], [.. values.Select(v => v.Thickness.ToString("0.###", CultureInfo.InvariantCulture))]);
        plot.Axes.Margins(bottom: 0);
        return Png(plot);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.Font.Set(Font);
        return plot;
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    private static string Safe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
