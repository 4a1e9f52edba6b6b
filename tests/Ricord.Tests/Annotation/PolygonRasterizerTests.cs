using Ricord.Annotation;

namespace Ricord.Tests.Annotation;

public sealed class PolygonRasterizerTests
{
    private static string Render(double[] xs, double[] ys, int rows, int cols)
    {
        var m = PolygonRasterizer.Rasterize(xs, ys, rows, cols);
        return string.Join("\n", Enumerable.Range(0, rows).Select(r => new string([.. Enumerable.Range(0, cols).Select(c => m[(r * cols) + c] == 1 ? '#' : '.')])));
    }

    [Fact]
    public void Square_with_integer_corners_includes_the_top_left_edges_only()
    {
        // x in [1,4), y in [1,4): pixel centres on the left/top edges are inside, on the right/bottom outside (PNPOLY).
        Assert.Equal(
            ".....\n.###.\n.###.\n.###.\n.....",
            Render([1, 4, 4, 1], [1, 1, 4, 4], 5, 5));
    }

    [Fact]
    public void Triangle()
    {
        Assert.Equal(
            "......\n......\n.#....\n.##...\n.###..\n.####.",
            Render([0.5, 0.5, 5.5], [0.5, 5.5, 5.5], 6, 6));
    }

    [Fact]
    public void Concave_polygon_leaves_its_notch_empty()
    {
        // A "U": outer 0.5..5.5, notch x 2.5..3.5 from the top down to y = 3.5.
        double[] xs = [0.5, 2.5, 2.5, 3.5, 3.5, 5.5, 5.5, 0.5];
        double[] ys = [0.5, 0.5, 3.5, 3.5, 0.5, 0.5, 5.5, 5.5];
        Assert.Equal(
            "......\n.##.##\n.##.##\n.##.##\n.#####\n.#####",
            Render(xs, ys, 6, 6));
    }

    [Fact]
    public void Bow_tie_self_intersection_follows_the_even_odd_rule()
    {
        // An hourglass: two triangles meeting at (3, 3); the crossing row has an empty interval.
        double[] xs = [0.5, 5.5, 0.5, 5.5];
        double[] ys = [0.5, 5.5, 5.5, 0.5];
        Assert.Equal(
            "......\n.####.\n..##..\n......\n..##..\n.####.",
            Render(xs, ys, 6, 6));
        var m = PolygonRasterizer.Rasterize(xs, ys, 6, 6);
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 6; c++)
            {
                Assert.Equal(PolygonRasterizer.Contains(xs, ys, c, r), m[(r * 6) + c] == 1);
            }
        }
    }

    [Fact]
    public void Overlapping_square_drawn_twice_as_one_ring_leaves_an_even_odd_hole()
    {
        // Outer ring then inner ring in one vertex list (joined by a zero-width seam): the inner square is a hole.
        double[] xs = [0.5, 6.5, 6.5, 0.5, 0.5, 2.5, 4.5, 4.5, 2.5, 2.5, 0.5];
        double[] ys = [0.5, 0.5, 6.5, 6.5, 0.5, 2.5, 2.5, 4.5, 4.5, 2.5, 0.5];
        Assert.Equal(
            ".......\n.######\n.######\n.##..##\n.##..##\n.######\n.######",
            Render(xs, ys, 7, 7));
    }

    [Fact]
    public void Fill_agrees_with_the_point_test_on_random_polygons()
    {
        var rng = new Random(7);
        for (int t = 0; t < 200; t++)
        {
            int n = rng.Next(3, 12);
            var xs = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 24) - 2).ToArray();
            var ys = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 24) - 2).ToArray();
            if (t % 3 == 0)
            {
                xs = [.. xs.Select(v => Math.Round(v))];
                ys = [.. ys.Select(v => Math.Round(v))];
            }

            var m = PolygonRasterizer.Rasterize(xs, ys, 20, 20);
            for (int r = 0; r < 20; r++)
            {
                for (int c = 0; c < 20; c++)
                {
                    Assert.Equal(PolygonRasterizer.Contains(xs, ys, c, r), m[(r * 20) + c] == 1);
                }
            }
        }
    }
}
