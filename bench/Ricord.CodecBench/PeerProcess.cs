using System.Diagnostics;

namespace Ricord.CodecBench;

/// <summary>Runs a peer tool as a whole process and times it.</summary>
internal static class PeerProcess
{
    public static TimeSpan Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start; install dcmtk and libgdcm-tools");
        string stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        clock.Stop();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr}");
        }

        return clock.Elapsed;
    }
}
