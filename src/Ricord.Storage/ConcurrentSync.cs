namespace Ricord.Storage;

/// <summary>
/// Runs blocking fsync calls for a batch at once on dedicated threads. Concurrent fsyncs of many files share
/// the filesystem's journal commits and the device's cache flushes (ext4's jbd2 batches waiting committers), so
/// 64 files take about the time of a few sequential fsyncs; dedicated threads because the thread pool would
/// only slowly grow past the core count for calls that block in the kernel.
/// </summary>
internal static class ConcurrentSync
{
    /// <summary>fsyncs in flight at once; beyond this the device queue, not the caller, is the limit.</summary>
    private const int Width = 16;

    public static async Task ForEachAsync<T>(IReadOnlyList<T> items, Action<T> sync, CancellationToken ct)
    {
        if (items.Count <= 1)
        {
            foreach (var item in items)
            {
                sync(item);
            }

            return;
        }

        int next = -1;
        var threads = Enumerable.Range(0, Math.Min(Width, items.Count)).Select(_ => Task.Factory.StartNew(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                ct.ThrowIfCancellationRequested();
                sync(items[i]);
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(threads).ConfigureAwait(false);
    }
}
