using System.Globalization;
using System.Text.RegularExpressions;

namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>
/// Picks the axial diagnostic series of a CT study with many series (RICORD studies carry scouts, "COR 3X3"/"SAG 3X3"
/// reformats, ".625 bone alg", "smart prep" bolus tracking, MIPs, "60 keV" recons…). Exclusions make a series
/// ineligible; preferences only score: axial, slice thickness 0.6–5 mm (thinner better), soft-tissue or lung kernel,
/// more slices.
/// </summary>
public static partial class CtSeriesSelector
{
    /// <summary>Fewer instances than this is not a diagnostic volume.</summary>
    public const int MinimumSlices = 20;

    /// <summary>All series, best first: eligible ones by descending score, then the excluded ones.</summary>
    public static IReadOnlyList<SeriesChoice> Rank(IEnumerable<SeriesSummary> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return [.. series.Select(Assess)
            .OrderByDescending(c => c.Eligible)
            .ThenByDescending(c => c.Score)
            .ThenBy(c => c.Series.SeriesInstanceUid, StringComparer.Ordinal)];
    }

    /// <summary>The best eligible series, or null when none is.</summary>
    public static SeriesSummary? Pick(IEnumerable<SeriesSummary> series) => Rank(series) is [{ Eligible: true } best, ..] ? best.Series : null;

    public static SeriesChoice Assess(SeriesSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var reasons = new List<string>();
        bool eligible = true;
        double score = 0;
        void Exclude(string why)
        {
            eligible = false;
            reasons.Add("excluded: " + why);
        }

        string description = (s.SeriesDescription ?? "").ToUpperInvariant();
        string kernel = (s.ConvolutionKernel ?? "").ToUpperInvariant();
        if (s.Modality is { } m && m.Trim() != "CT")
        {
            Exclude($"modality {m}");
        }

        if (s.ImageType.Contains("LOCALIZER") || LocalizerWords().IsMatch(description))
        {
            Exclude("localizer / scout / bolus tracking");
        }

        if (ReformatWords().IsMatch(description) || s.ImageType.Any(t => t is "REFORMATTED" or "MPR" or "MIP" or "PROJECTION IMAGE" or "VOLUME_RENDER" or "CURVED"))
        {
            Exclude("reformat or projection (COR/SAG/MIP/MPR/3D)");
        }

        if (s.Normal is { } n)
        {
            double tilt = Math.Acos(Math.Clamp(Math.Abs(n.Z), 0, 1)) * 180 / Math.PI;
            if (tilt > 30)
            {
                Exclude($"not axial ({tilt.ToString("0", CultureInfo.InvariantCulture)}° from the axial plane)");
            }
            else
            {
                reasons.Add("axial");
            }
        }
        else
        {
            Exclude("no orientation");
        }

        if (s.InstanceCount < MinimumSlices)
        {
            Exclude($"{s.InstanceCount} instances (< {MinimumSlices})");
        }

        if ((s.ImageType.Count > 0 && s.ImageType[0] == "DERIVED") || (s.ImageType.Count > 1 && s.ImageType[1] == "SECONDARY"))
        {
            score -= 15;
            reasons.Add("derived/secondary");
        }

        if (BoneWords().IsMatch(description) || kernel.Contains("BONE", StringComparison.Ordinal) || kernel.Contains("EDGE", StringComparison.Ordinal))
        {
            score -= 30;
            reasons.Add("bone kernel");
        }
        else if (SoftKernel().IsMatch(kernel) || description.Contains("LUNG", StringComparison.Ordinal))
        {
            score += 10;
            reasons.Add("soft-tissue/lung kernel");
        }
        else if (SharpKernel().IsMatch(kernel))
        {
            score -= 10;
            reasons.Add("sharp kernel");
        }

        if (SpectralWords().IsMatch(description))
        {
            score -= 20;
            reasons.Add("monoenergetic / spectral map");
        }

        if (s.SliceThickness is { } t)
        {
            if (t is >= 0.6 and <= 5)
            {
                score += 20 + ((5 - t) * 2);
                reasons.Add($"{t.ToString("0.###", CultureInfo.InvariantCulture)} mm slices");
            }
            else
            {
                reasons.Add($"{t.ToString("0.###", CultureInfo.InvariantCulture)} mm slices outside 0.6–5 mm");
            }
        }

        score += Math.Log2(Math.Max(1, s.InstanceCount));
        return new SeriesChoice(s, eligible, score, reasons);
    }

    [GeneratedRegex(@"\b(SCOUT|SCOUTS|LOCALI[SZ]ER|TOPO\w*|SURVIEW|SMART ?PREP|BOLUS|MONITOR\w*|TRACKER|TRACKING|DOSE ?(REPORT|INFO))\b")]
    private static partial Regex LocalizerWords();

    [GeneratedRegex(@"\b(COR|CORONAL|SAG|SAGITTAL|MIP|MINIP|MPR|VR|3D|REFORMAT\w*|OBL|OBLIQUE|THICK ?SLAB)\b")]
    private static partial Regex ReformatWords();

    [GeneratedRegex(@"\bBONE\b|BONE ?ALG")]
    private static partial Regex BoneWords();

    [GeneratedRegex(@"^(B|BR|BL|I|HR)[6-9]\d|^[YD]\b")]
    private static partial Regex SharpKernel();

    [GeneratedRegex(@"STANDARD|SOFT|LUNG|BODY|^B[2-4]\d|^BR[3-4]\d|^I[2-4]\d|^FC\d")]
    private static partial Regex SoftKernel();

    [GeneratedRegex(@"\d+ ?KEV\b|\bMONO\w*|\bIODINE\b|\bVNC\b|\bWATER\b|\bEFFECTIVE Z\b")]
    private static partial Regex SpectralWords();
}
