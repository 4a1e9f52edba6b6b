using System.Globalization;

namespace Ricord.Synth;

internal sealed partial class SynthPlanner
{
    /// <summary>The prior of the radiograph appearance classes (Typical, Indeterminate, Atypical, Negative).</summary>
    public static readonly double[] CxrClassPrior = [0.45, 0.20, 0.10, 0.25];

    public static readonly string[] CxrClasses = ["Typical Appearance", "Indeterminate Appearance", "Atypical Appearance", "Negative for Pneumonia"];

    private StudyPlan PlanCxrStudy(StudyContext c)
    {
        var rng = SeededRandom.For(_options.Seed, c.Key + "/study");
        var site = c.Site;
        string accession = Accession(site, rng.Next(1000, 9_999_999), c.Start);
        string studyUid = Uid(site, c.Key + "/study");
        string studyDir = $"sites/{site.Id}/dicom/{c.Folder}/STUDY_{accession}";
        double u = rng.NextDouble();
        int cls = u < CxrClassPrior[0] ? 0 : u < CxrClassPrior[0] + CxrClassPrior[1] ? 1 : u < 1 - CxrClassPrior[3] ? 2 : 3;
        var opacities = PlanOpacities(ref rng, cls);
        int zones = opacities.Select(o => o.Zone).Distinct().Count();
        string? grade = zones switch { 0 => null, <= 2 => "Mild Opacities  (1-2 lung zones)", <= 4 => "Moderate Opacities (3-4 lung zones)", _ => "Severe Opacities (>4 lung zones)" };

        bool cr = site.RadiographsAsCr;
        int bits = cr ? 12 : site.Style switch { SynthVendorStyle.GeLike => 14, SynthVendorStyle.SiemensLike => 16, _ => 12 };
        bool mono1 = cr || rng.Chance(0.15);
        int border = rng.Chance(0.2) ? _options.CxrSize / 20 : 0;
        var frontal = new XrParameters(cr, _options.CxrSize, bits, mono1, border, rng.Chance(0.5), rng.Chance(0.2) ? "PA" : "AP", 0.15 * 2048 / _options.CxrSize);
        var series = new List<SeriesPlan> { XrSeries(c, studyDir, 1, SynthSeriesKind.Frontal, frontal) };
        if (rng.Chance(0.2))
        {
            series.Add(XrSeries(c, studyDir, 2, SynthSeriesKind.Lateral, frontal with { ViewPosition = "LL", Border = 0 }));
        }

        string description = rng.NextDouble() switch
        {
            < 0.5 => "XR CHEST 1 VIEW AP",
            < 0.7 => "CHEST 1V",
            < 0.9 => $"XR CHEST {c.Family} PORTABLE",
            _ => "XR CHEST 2 VIEWS PA AND LATERAL",
        };
        return new StudyPlan(studyUid, accession, rng.Next(1, 99999).ToString(CultureInfo.InvariantCulture), c.Start, description,
            rng.Pick(site.Physicians), rng.Pick(site.Physicians), $"Tech^{rng.Pick(site.GivenNames)}", $"{site.StationPrefix}XR{rng.Next(1, 4)}",
            $"Portable film. Pt {c.Given} {c.Family} MRN {c.Mrn}, ordered by Dr. {rng.Pick(site.Physicians).Split('^')[0]}",
            c.Number, CxrClasses[cls], grade, zones, [], opacities, series);
    }

    private SeriesPlan XrSeries(StudyContext c, string studyDir, int number, SynthSeriesKind kind, XrParameters p)
    {
        string key = $"{c.Key}/series/{number}";
        var inst = new InstancePlan(Uid(c.Site, key + "/0"), 1, 0, $"{studyDir}/SERIES_{number}/IM000001.dcm");
        return new SeriesPlan(Uid(c.Site, key), number, kind, kind == SynthSeriesKind.Lateral ? "CHEST LAT" : $"CHEST {p.ViewPosition}",
            Uid(c.Site, c.Key + "/frame"), c.Start.AddMinutes(number), null, p, [inst]);
    }

    /// <summary>Zones 0–2: right lung upper→lower, 3–5: left lung. Typical: bilateral, lower and peripheral; Indeterminate: unilateral or upper; Atypical: one dense lobar opacity.</summary>
    private static List<CxrOpacity> PlanOpacities(ref SeededRandom rng, int cls)
    {
        var zones = new List<int>();
        switch (cls)
        {
            case 0:
                int n = rng.Next(2, 7);
                int[] order = [2, 5, 1, 4, 0, 3];
                zones.AddRange(order.Take(n));
                break;
            case 1:
                int side = rng.Chance(0.5) ? 0 : 3;
                zones.AddRange(Enumerable.Range(side, rng.Next(1, 4)));
                break;
            case 2:
                zones.Add(rng.Next(0, 6));
                if (rng.Chance(0.3))
                {
                    zones.Add(zones[0] < 3 ? zones[0] + 3 : zones[0] - 3);
                }

                break;
        }

        var result = new List<CxrOpacity>();
        foreach (int z in zones)
        {
            var lung = CxrImageRenderer.Lungs[z / 3];
            double top = lung.Cy - lung.Ry + (2 * lung.Ry * (z % 3) / 3);
            double cy = top + (lung.Ry / 3) + rng.Range(-0.03, 0.03);
            double outward = z < 3 ? -1 : 1;
            double cx = lung.Cx + (outward * lung.Rx * (cls == 0 ? 0.45 : rng.Range(-0.3, 0.3)));
            result.Add(new CxrOpacity(z, cx, cy, lung.Rx * rng.Range(0.3, 0.45), lung.Ry * rng.Range(0.12, 0.2), cls == 2 ? 0.3 : rng.Range(0.12, 0.22)));
        }

        return result;
    }
}
