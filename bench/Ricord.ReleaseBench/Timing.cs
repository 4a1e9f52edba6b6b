using System.Diagnostics;
using System.Globalization;

namespace Ricord.ReleaseBench;

/// <summary>Wall-clock seconds of repeated runs: median, min, max.</summary>
internal sealed class Timing(string name)
{
    private readonly List<double> _seconds = [];

    public double Median => _seconds.Order().ElementAt(_seconds.Count / 2);

    public void Add(double seconds) => _seconds.Add(seconds);

    /// <summary>Runs a process to its end; throws if it fails. Returns the wall-clock seconds.</summary>
    public static double Process(string file, string arguments)
    {
        var sw = Stopwatch.StartNew();
        using var p = System.Diagnostics.Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? sw.Elapsed.TotalSeconds : throw new InvalidOperationException($"{file} {arguments}: exit {p.ExitCode}: {error}");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{name}: median {Median:F3} s (min {_seconds.Min():F3}, max {_seconds.Max():F3}, n {_seconds.Count})");
}
