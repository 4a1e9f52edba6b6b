using System.Diagnostics;

namespace Ricord.IngestProbe;

/// <summary>Thread-safe accumulated time and call count per named stage.</summary>
internal sealed class StageClock
{
    private readonly Dictionary<string, (long Ticks, long Calls)> _stages = [];
    private readonly List<string> _order = [];
    private readonly Lock _lock = new();

    public void Add(string stage, long ticks)
    {
        lock (_lock)
        {
            if (!_stages.TryGetValue(stage, out var t))
            {
                _order.Add(stage);
            }

            _stages[stage] = (t.Ticks + ticks, t.Calls + 1);
        }
    }

    public T Time<T>(string stage, Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - start);
        }
    }

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - start);
        }
    }

    public async Task TimeAsync(string stage, Func<Task> work) =>
        await TimeAsync(stage, async () => { await work().ConfigureAwait(false); return 0; }).ConfigureAwait(false);

    /// <summary>Lines "stage  calls  total s  ms/call  ms/instance  share".</summary>
    public IReadOnlyList<string> Report(long instances, double wallSeconds)
    {
        var lines = new List<string>();
        lock (_lock)
        {
            double total = _order.Sum(s => _stages[s].Ticks) / (double)Stopwatch.Frequency;
            foreach (var s in _order)
            {
                var (ticks, calls) = _stages[s];
                double sec = ticks / (double)Stopwatch.Frequency;
                lines.Add(FormattableString.Invariant(
                    $"  {s,-22} {calls,6} calls {sec,8:F3} s {1000 * sec / Math.Max(1, calls),8:F3} ms/call {1000 * sec / Math.Max(1, instances),8:F3} ms/inst {100 * sec / Math.Max(1e-9, total),5:F1}% of timed, {100 * sec / Math.Max(1e-9, wallSeconds),6:F1}% of wall"));
            }
        }

        return lines;
    }
}
