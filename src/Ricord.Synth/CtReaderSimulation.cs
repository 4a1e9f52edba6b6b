namespace Ricord.Synth;

/// <summary>
/// One or two simulated CT readers (a third of positive studies are double-read). A reader with accuracy
/// p draws each finding's cross-section polygon scaled by 1 + (1 − p)·0.3·b and shifted by (1 − p)·3·b
/// pixels (b bounded-normal), and skips a slice with probability (1 − p)/2; with p = 1 the polygons are
/// exactly the ground truth's, so they rasterise to the truth masks voxel for voxel. The appearance label
/// follows the radiograph model (truth with probability p). Reader 0 of every other positive study also
/// leaves one INSTANCE annotation with null data, as RICORD's export has.
/// </summary>
internal static class CtReaderSimulation
{
    public static readonly string[] Classes = ["Typical", "Indeterminate", "Atypical", "Negative for pneumonia"];

    public static int ReaderCount(ulong seed, StudyPlan s) =>
        s.CtFindings.Count == 0 ? 1 : SeededRandom.For(seed, "ct-readers/" + s.Uid).Chance(1 / 3.0) ? 2 : 1;

    public static string Appearance(ulong seed, StudyPlan s, int reader, double p)
    {
        var rng = SeededRandom.For(seed, $"ct-appearance/{s.Uid}/{reader}");
        int truth = Array.IndexOf(Classes, s.Appearance);
        if (rng.Chance(p))
        {
            return Classes[truth];
        }

        int o = rng.Next(0, 3);
        return Classes[o >= truth ? o + 1 : o];
    }

    public static IEnumerable<CtPolygonRead> Polygons(ulong seed, StudyPlan s, CtGeometry g, int reader, double p)
    {
        var rng = SeededRandom.For(seed, $"ct-polygons/{s.Uid}/{reader}");
        if (reader == 0 && s.CtFindings.Count > 0 && s.Number % 2 == 0)
        {
            yield return new CtPolygonRead(reader, s.CtFindings[0].Label, 0, null, null);
        }

        foreach (var f in s.CtFindings)
        {
            double scale = 1 + ((1 - p) * 0.3 * rng.Bounded());
            double sx = (1 - p) * 3 * rng.Bounded(), sy = (1 - p) * 3 * rng.Bounded();
            for (int k = 0; k < g.Positions.Count; k++)
            {
                if (f.CrossSection(g, g.Positions[k], scale, sx, sy, out var xs, out var ys) && !rng.Chance((1 - p) / 2))
                {
                    yield return new CtPolygonRead(reader, f.Label, k, xs, ys);
                }
            }
        }
    }
}
