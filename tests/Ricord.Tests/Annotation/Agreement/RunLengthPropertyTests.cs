using CsCheck;
using Ricord.Annotation.Agreement;

namespace Ricord.Tests.Annotation.Agreement;

/// <summary>
/// Run-length operations equal their dense definitions on random masks: dense → runs → dense is the
/// identity, intersections count the same, the majority consensus is "more than half of the readers"
/// voxel by voxel, and runs given in any order with overlaps build the union.
/// </summary>
public sealed class RunLengthPropertyTests
{
    private static readonly Gen<(int Size, byte[][] Masks)> RandomMasks =
        from size in Gen.Int[1, 300]
        from readers in Gen.Int[1, 6]
        from density in Gen.Double[0, 1]
        from seed in Gen.Int
        select (size, Build(size, readers, density, seed));

    [Fact]
    public void Runs_agree_with_dense_masks() =>
        RandomMasks.Sample(t =>
        {
            var volumes = t.Masks.Select(m => new MaskVolumeBuilder(1, t.Size, 1).AddMask(0, m).Build()).ToArray();
            for (int i = 0; i < t.Masks.Length; i++)
            {
                Assert.Equal(t.Masks[i], volumes[i].ToSliceMask(0));
                Assert.Equal(t.Masks[i].Count(v => v != 0), volumes[i].VoxelCount);
            }

            var majority = MaskVolume.Majority(volumes).ToSliceMask(0);
            for (int v = 0; v < t.Size; v++)
            {
                int votes = t.Masks.Count(m => m[v] != 0);
                Assert.Equal(2 * votes > t.Masks.Length ? 1 : 0, majority[v]);
            }

            var first = volumes[0];
            var last = volumes[^1];
            Assert.Equal(Enumerable.Range(0, t.Size).Count(v => t.Masks[0][v] != 0 && t.Masks[^1][v] != 0), first.IntersectionCount(last));

            // Every reader's runs, shuffled together into one list, build the union.
            var all = volumes.SelectMany(m => Pairs(m.RunsOf(0).ToArray())).OrderBy(p => (p.Length * 7919) % 13).SelectMany(p => new[] { p.Start, p.Length }).ToArray();
            var union = new MaskVolumeBuilder(1, t.Size, 1).AddRuns(0, all).Build().ToSliceMask(0);
            Assert.Equal(Enumerable.Range(0, t.Size).Select(v => t.Masks.Any(m => m[v] != 0) ? (byte)1 : (byte)0), union);
        }, iter: 300);

    private static IEnumerable<(int Start, int Length)> Pairs(int[] runs)
    {
        for (int i = 0; i < runs.Length; i += 2)
        {
            yield return (runs[i], runs[i + 1]);
        }
    }

    private static byte[][] Build(int size, int readers, double density, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, readers).Select(_ =>
        {
            // Blobby masks: runs of random length, so touching and overlapping runs occur often.
            var m = new byte[size];
            int v = 0;
            while (v < size)
            {
                int length = rng.Next(1, 12);
                byte value = rng.NextDouble() < density ? (byte)1 : (byte)0;
                m.AsSpan(v, Math.Min(length, size - v)).Fill(value);
                v += length;
            }

            return m;
        })];
    }
}
