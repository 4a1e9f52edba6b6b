using System.Globalization;

namespace Ricord.Synth;

internal sealed partial class SynthPlanner
{
    private StudyPlan PlanCtStudy(StudyContext c)
    {
        var rng = SeededRandom.For(_options.Seed, c.Key + "/study");
        var site = c.Site;
        int n = _options.Slices;
        string accession = Accession(site, rng.Next(1000, 9_999_999), c.Start);
        string studyUid = Uid(site, c.Key + "/study");
        string frame = Uid(site, c.Key + "/frame");
        string studyDir = $"sites/{site.Id}/dicom/{c.Folder}/STUDY_{accession}";
        string appearance = c.Negative ? "Negative for pneumonia" : rng.NextDouble() switch { < 0.6 => "Typical", < 0.85 => "Indeterminate", _ => "Atypical" };
        var findings = c.Negative ? [] : PlanCtFindings(ref rng, appearance);
        bool messy = _options.Messy && c.Number == 0;

        double ps = site.Style switch { SynthVendorStyle.GeLike => 0.703125, SynthVendorStyle.SiemensLike => 0.6836, _ => 0.7 };
        double spacing = Math.Clamp(Math.Round(300.0 / n / 0.125) * 0.125, 0.625, 10);
        double z0 = -150 + ((n - 1) * spacing / 2);
        double x0 = -255.5 * ps, y0 = -255.5 * ps;
        var even = Enumerable.Range(0, n).Select(k => z0 - (k * spacing)).ToArray();
        var uneven = messy ? [.. even.Select((z, k) => k >= (3 * n / 4) ? z - (spacing / 2) : z)] : even;
        var axialSoft = new CtGeometry(true, ps, ps, x0, y0, z0, spacing, uneven);
        var axialLung = new CtGeometry(true, ps, ps, x0, y0, z0, spacing, even);
        int nCor = Math.Max(4, n / 8);
        double extent = n * spacing;
        var coronal = new CtGeometry(false, ps, extent / CtGeometry.Size, x0, 0, z0 + (spacing / 2),
            spacing, [.. Enumerable.Range(0, nCor).Select(k => -60 + (120.0 * k / (nCor - 1)))]);
        var localizer = new CtGeometry(false, ps, 340.0 / CtGeometry.Size, x0, 0, 20, 1, [0.0]);

        var series = new List<SeriesPlan>
        {
            Series(c, studyDir, 1, SynthSeriesKind.Localizer, "SCOUT", localizer, 1, null),
            Series(c, studyDir, 2, SynthSeriesKind.AxialSoftTissue, $"AXIAL {spacing:0.###}MM SOFT TISSUE", axialSoft, n, messy ? k => k == n / 2 ? Omit : null : null),
            Series(c, studyDir, 3, SynthSeriesKind.AxialLung, $"AXIAL {spacing:0.###}MM LUNG", axialLung, n, null),
            Series(c, studyDir, 4, SynthSeriesKind.CoronalReformat, "COR 3X3", coronal, nCor, messy ? k => k switch { 0 => Truncated, 1 => WrongStudy(site, c), _ => null } : null),
            Series(c, studyDir, 900, SynthSeriesKind.DoseReport, "DOSE REPORT", null, 1, null),
        };
        if (messy)
        {
            // A duplicate: the same instance exported twice under another file name.
            var lung = series[2];
            var dup = lung.Instances[5] with { Path = $"{studyDir}/SERIES_3/IM{900005:D6}.dcm" };
            series[2] = lung with { Instances = [.. lung.Instances, dup] };
        }

        string family = c.Family;
        return new StudyPlan(studyUid, accession, rng.Next(1, 99999).ToString(CultureInfo.InvariantCulture), c.Start,
            $"CT CHEST WO CONTRAST {family}", rng.Pick(site.Physicians), rng.Pick(site.Physicians), $"Tech^{rng.Pick(site.GivenNames)}",
            $"{site.StationPrefix}{rng.Next(1, 4)}", $"Pt {c.Given} {family} MRN {c.Mrn} seen by Dr. {rng.Pick(site.Physicians).Split('^')[0]}, cough and fever",
            c.Number, appearance, null, 0, findings, [], series);

        static InstancePlan Omit(InstancePlan i) => i with { Omitted = true };
        static InstancePlan Truncated(InstancePlan i) => i with { Truncate = true };
    }

    private Func<InstancePlan, InstancePlan> WrongStudy(SynthSite site, StudyContext c)
    {
        string other = Uid(site, c.Key + "/wrong-study");
        return i => i with { WrongStudyUid = other };
    }

    private SeriesPlan Series(StudyContext c, string studyDir, int number, SynthSeriesKind kind, string description, CtGeometry? g, int count, Func<int, Func<InstancePlan, InstancePlan>?>? defect)
    {
        string key = $"{c.Key}/series/{number}";
        var instances = new InstancePlan[count];
        for (int k = 0; k < count; k++)
        {
            var plan = new InstancePlan(Uid(c.Site, $"{key}/{k}"), k + 1, k, $"{studyDir}/SERIES_{number}/IM{k + 1:D6}.dcm");
            instances[k] = defect?.Invoke(k) is { } change ? change(plan) : plan;
        }

        return new SeriesPlan(Uid(c.Site, key), number, kind, description, Uid(c.Site, c.Key + "/frame"), c.Start.AddMinutes(number), g, null, instances);
    }

    private static List<CtFinding> PlanCtFindings(ref SeededRandom rng, string appearance)
    {
        var found = new List<CtFinding>();
        bool bilateral = appearance == "Typical";
        int ggo = appearance switch { "Typical" => rng.Next(2, 6), "Indeterminate" => rng.Next(1, 4), _ => 0 };
        int side = rng.Chance(0.5) ? 1 : -1;
        for (int i = 0; i < ggo; i++)
        {
            int s = bilateral ? (i % 2 == 0 ? 1 : -1) : side;
            Add(ref rng, found, "GGO", "Infectious opacity", s * rng.Range(98, 110), rng.Range(-45, 45), rng.Range(-230, -70), rng.Range(10, 16), rng.Range(14, 28), rng.Range(14, 30), -500, 25);
        }

        int consolidation = appearance switch { "Atypical" => 1, "Typical" => rng.Next(0, 2), _ => 0 };
        for (int i = 0; i < consolidation; i++)
        {
            Add(ref rng, found, "Consolidation", "Infectious opacity", side * rng.Range(75, 95), rng.Range(42, 55), rng.Range(-235, -195), rng.Range(10, 16), rng.Range(8, 14), rng.Range(10, 18), rng.Range(-50, 30), 25);
        }

        if (rng.Chance(0.3))
        {
            Add(ref rng, found, "Atelectasis", "Atelectasis", -side * rng.Range(65, 85), rng.Range(58, 66), rng.Range(-262, -250), rng.Range(14, 20), rng.Range(5, 7), rng.Range(8, 12), rng.Range(0, 40), 25);
        }

        if (appearance == "Atypical" || rng.Chance(0.2))
        {
            Add(ref rng, found, "Nodule", "Noninfectious nodule/mass", side * rng.Range(60, 90), rng.Range(-55, -20), rng.Range(-180, -80), 6, 6, 6, rng.Range(30, 60), 25);
        }

        return found;
    }

    private static void Add(ref SeededRandom rng, List<CtFinding> found, string kind, string label, double cx, double cy, double cz, double rx, double ry, double rz, double hu, double noiseSd)
    {
        _ = rng;
        double spread = (noiseSd * SeededRandom.BoundedLimit) + 1;
        var f = new CtFinding(kind, label, cx, cy, cz, rx, ry, rz, Math.Round(hu), Math.Round(hu) - spread, Math.Round(hu) + spread);
        if (found.All(o => !o.Overlaps(f, 4)))
        {
            found.Add(f);
        }
    }
}
