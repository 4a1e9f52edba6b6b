using System.Diagnostics;

namespace Ricord.AgreementBench;

/// <summary>Median wall time of repeated runs after one warm-up run (the warm-up includes JIT).</summary>
internal static class Timing
{
    public static (double MedianMs, double MinMs, T Result) Median<T>(int runs, Func<T> action)
    {
        var result = action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[runs / 2], times[0], result);
    }
}
