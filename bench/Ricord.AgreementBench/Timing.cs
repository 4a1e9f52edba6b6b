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

    /// <summary>As <see cref="Median{T}"/> for asynchronous work; the action gets the run number (0 = warm-up) so each run can differ.</summary>
    public static async Task<(double MedianMs, double MinMs, T Result)> MedianAsync<T>(int runs, Func<int, Task<T>> action)
    {
        var result = await action(0);
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = await action(i + 1);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[runs / 2], times[0], result);
    }
}
