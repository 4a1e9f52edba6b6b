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

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Ricord.Cli.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"The ricord CLI was not built beside the tests: {cli}");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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

    /// <summary>The child's peak resident set so far (Linux VmHWM, a high-water mark); 0 once it has exited.</summary>
    public long PeakWorkingSet
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? 0 : _process.PeakWorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }
    }

    public int ExitCode => _process.ExitCode;

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
