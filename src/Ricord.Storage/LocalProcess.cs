using System.Diagnostics;

namespace Ricord.Storage;

/// <summary>Whether a process of this host still runs: what the sweeps of temp files (<see cref="InFlightWrites"/>)
/// and of blob intents (the catalog's <c>BlobWriter</c>) ask before they remove what a writer left.</summary>
internal static class LocalProcess
{
    /// <summary>This process's start time, UTC, in whole milliseconds (so both catalog providers store it exactly).</summary>
    public static DateTime CurrentStartTime { get; } = StartTimeOf(Process.GetCurrentProcess());

    /// <summary>True when process <paramref name="pid"/> runs here and, with <paramref name="startedAt"/>, started
    /// then (a later process may reuse the pid).</summary>
    public static bool IsRunning(int pid, DateTime? startedAt = null)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // Linux derives the start time from the boot time, which .NET recomputes per call: allow for its jitter.
            return !process.HasExited && (startedAt is not { } t || (StartTimeOf(process) - t).Duration() < TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // it exited meanwhile
        }
    }

    private static DateTime StartTimeOf(Process process)
    {
        var utc = process.StartTime.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
