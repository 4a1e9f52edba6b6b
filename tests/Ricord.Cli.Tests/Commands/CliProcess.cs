using System.Diagnostics;
using System.Text;

namespace Ricord.Cli.Tests.Commands;

/// <summary>The real <c>ricord</c> CLI as a child process (the build copies Ricord.Cli.dll and its runtimeconfig beside the tests), with
/// only the given RICORD_* variables set, its output drained so it never blocks on a full pipe.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process)
    {
        _process = process;
    }

    private const string Time = "/usr/bin/time";

    private string? _peakFile;

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Start(null, environment, args);

    /// <summary>As <see cref="Start(IReadOnlyDictionary{string, string}, string[])"/>, under GNU time, which reports the
    /// process's exact peak resident set when it ends (<see cref="PeakResidentBytes"/>; the kernel's ru_maxrss).</summary>
    public static CliProcess StartMeasured(string peakFile, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        if (!File.Exists(Time))
        {
            throw new FileNotFoundException($"{Time} is needed to measure peak memory: apt-get install time");
        }

        var cli = Start(peakFile, environment, args);
        cli._peakFile = peakFile;
        return cli;
    }

    private static CliProcess Start(string? peakFile, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Ricord.Cli.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"The ricord CLI was not built beside the tests: {cli}");
        }

        var start = new ProcessStartInfo(peakFile is null ? "dotnet" : Time) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (peakFile is not null)
        {
            foreach (var a in new[] { "-f", "%M", "-o", peakFile, "dotnet" })
            {
                start.ArgumentList.Add(a);
            }
        }

        start.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("RICORD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var cli2 = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli2.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli2.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli2;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The peak resident set of the whole run, once it has ended (started with <see cref="StartMeasured"/>).</summary>
    public long PeakResidentBytes =>
        long.Parse(File.ReadAllLines(_peakFile ?? throw new InvalidOperationException("not started with StartMeasured"))[^1].Trim(),
            System.Globalization.CultureInfo.InvariantCulture) * 1024;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no finally block, no flush, no shutdown of any kind.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own first.
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, as Ctrl+C in a terminal sends it (through kill(1): .NET sends no other signal than SIGKILL).</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
