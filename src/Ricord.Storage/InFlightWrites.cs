namespace Ricord.Storage;

/// <summary>
/// Names of temp files for writes in flight that say who writes them: <c>FINAL.HOST-PID-GUID.ricord-tmp</c>.
/// A sweep can then tell a write abandoned by a killed process of this host (its process is gone: delete at
/// once) from one that may still be running (a live process here, or any process of another host sharing the
/// folder: delete only after a grace period).
/// </summary>
internal static class InFlightWrites
{
    /// <summary>Suffix of in-flight writes; blob keys and vault names never end with it.</summary>
    public const string TempSuffix = ".ricord-tmp";

    private static readonly string Host = Sanitize(Environment.MachineName);

    /// <summary>A fresh temp path beside <paramref name="finalPath"/>, owned by this process.</summary>
    public static string TempPathFor(string finalPath) =>
        $"{finalPath}.{Host}-{Environment.ProcessId}-{Guid.NewGuid():N}{TempSuffix}";

    /// <summary>Deletes the temp files under <paramref name="root"/> that no running write can own; returns how many.</summary>
    public static int Sweep(string root, TimeSpan olderThan, CancellationToken ct, bool recursive = true)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var cutoff = DateTime.UtcNow - olderThan;
        var count = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(root, "*" + TempSuffix, options))
        {
            ct.ThrowIfCancellationRequested();
            if ((IsOrphanedHere(file) || File.GetLastWriteTimeUtc(file) <= cutoff) && TryDelete(file))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when the temp file names this host and a process that no longer runs.</summary>
    private static bool IsOrphanedHere(string tempFile)
    {
        var name = Path.GetFileName(tempFile)[..^TempSuffix.Length];
        var owner = name[(name.LastIndexOf('.') + 1)..].Split('-');
        if (owner.Length != 3 || owner[0] != Host || !int.TryParse(owner[1], System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        return !LocalProcess.IsRunning(pid);
    }

    private static string Sanitize(string host) =>
        new([.. host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    /// <summary>Deletes a file if it can; false when it is in use or not ours to delete (left for a later sweep).</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
