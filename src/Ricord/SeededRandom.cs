using System.Text;

namespace Ricord;

/// <summary>
/// A small, fast, seeded generator (xoshiro256**, seeded by SplitMix64). Synthetic data and bootstrap resampling draw from it; every object draws from its
/// own generator, made from the run seed and a stable key, so output does not depend on thread timing.
/// </summary>
public struct SeededRandom
{
    /// <summary>The largest magnitude <see cref="Bounded"/> can return.</summary>
    public const double BoundedLimit = 3.4641016151377544;

    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for (seed, key): the same pair always gives the same stream.</summary>
    public static SeededRandom For(ulong seed, string key) => new(SubSeed(seed, key));

    /// <summary>A stable 64-bit sub-seed (FNV-1a over the UTF-8 key, mixed with the seed).</summary>
    public static ulong SubSeed(ulong seed, string key)
    {
        ulong h = 14695981039346656037UL ^ seed;
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            h = (h ^ b) * 1099511628211UL;
        }

        ulong x = h;
        return SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + (int)((NextUInt64() >> 33) % (ulong)(max - min));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>Approximately normal with sd 1, bounded to ±<see cref="BoundedLimit"/> (sum of four uniforms): cheap, with a hard range.</summary>
    public double Bounded()
    {
        ulong u = NextUInt64();
        double s = (u & 0xFFFF) + ((u >> 16) & 0xFFFF) + ((u >> 32) & 0xFFFF) + (u >> 48);
        return ((s / 65535.0) - 2.0) * 1.7320508075688772;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
