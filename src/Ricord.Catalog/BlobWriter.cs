using Ricord.Storage;

namespace Ricord.Catalog;

/// <summary>Who writes blobs, as a <see cref="BlobIntent"/> names it: a process of a host, told apart from a later
/// process that reuses its pid by its start time (UTC, whole milliseconds, so both providers store it exactly).</summary>
public sealed record BlobWriter(string Host, int ProcessId, DateTime StartedAt)
{
    /// <summary>This process.</summary>
    public static BlobWriter Current { get; } = new(Environment.MachineName, Environment.ProcessId, LocalProcess.CurrentStartTime);

    /// <summary>Whether an intent of this writer, recorded at <paramref name="createdAt"/>, may belong to a write still
    /// in flight. On this host the process table decides: the pid runs with the same start time. Another host's
    /// processes cannot be seen, so its intents are taken as live until older than <paramref name="maxAge"/>.</summary>
    public bool MayBeRunning(DateTime createdAt, TimeSpan maxAge)
    {
        if (!string.Equals(Host, Current.Host, StringComparison.Ordinal))
        {
            return createdAt > DateTime.UtcNow - maxAge;
        }

        return LocalProcess.IsRunning(ProcessId, StartedAt);
    }
}
