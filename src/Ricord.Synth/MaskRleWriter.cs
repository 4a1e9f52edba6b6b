using System.Globalization;
using System.Text;
using Ricord.Annotation;

namespace Ricord.Synth;

/// <summary>
/// Writes one label's ground-truth mask of a CT series as text run-length encoding:
/// <code>
/// RICORD-RLE 1
/// rows 512 cols 512 slices N
/// label &lt;exact label name&gt;
/// &lt;slice&gt; &lt;start&gt; &lt;length&gt; [&lt;start&gt; &lt;length&gt; ...]
/// </code>
/// One line per non-empty slice (slice = index in the series' ordered SOPInstanceUIDs), start = row·cols + col,
/// runs of ones in ascending order. The mask is the union of the rasterised cross-sections of the label's findings.
/// </summary>
internal static class MaskRleWriter
{
    /// <summary>Writes the file and returns the number of mask voxels.</summary>
    public static long Write(string path, CtGeometry g, IReadOnlyList<CtFinding> findings, string label)
    {
        const int n = CtGeometry.Size;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        w.WriteLine("RICORD-RLE 1");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows {n} cols {n} slices {g.Positions.Count}"));
        w.WriteLine("label " + label);
        var mine = findings.Where(f => f.Label == label).ToList();
        if (mine.Count == 0)
        {
            return 0;
        }

        long voxels = 0;
        var mask = new byte[n * n];
        var line = new StringBuilder();
        for (int k = 0; k < g.Positions.Count; k++)
        {
            bool any = false;
            foreach (var f in mine)
            {
                if (f.CrossSection(g, g.Positions[k], 1, 0, 0, out var xs, out var ys))
                {
                    PolygonRasterizer.Fill(xs, ys, n, n, mask);
                    any = true;
                }
            }

            if (!any)
            {
                continue;
            }

            line.Clear().Append(k.ToString(CultureInfo.InvariantCulture));
            for (int i = 0; i < mask.Length;)
            {
                if (mask[i] == 0)
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < mask.Length && mask[i] != 0)
                {
                    i++;
                }

                line.Append(' ').Append(start.ToString(CultureInfo.InvariantCulture)).Append(' ').Append((i - start).ToString(CultureInfo.InvariantCulture));
                voxels += i - start;
            }

            w.WriteLine(line.ToString());
            Array.Clear(mask);
        }

        return voxels;
    }

    /// <summary>Reads a file written by <see cref="Write"/> back into (slice → mask) for tests and importers.</summary>
    public static Dictionary<int, byte[]> Read(string path)
    {
        var result = new Dictionary<int, byte[]>();
        var lines = File.ReadAllLines(path);
        var dims = lines[1].Split(' ');
        int size = int.Parse(dims[1], CultureInfo.InvariantCulture) * int.Parse(dims[3], CultureInfo.InvariantCulture);
        foreach (var l in lines.Skip(3))
        {
            var parts = l.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var mask = new byte[size];
            for (int i = 1; i + 1 < parts.Length; i += 2)
            {
                mask.AsSpan(parts[i], parts[i + 1]).Fill(1);
            }

            result[parts[0]] = mask;
        }

        return result;
    }
}
