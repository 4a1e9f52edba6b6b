using System.Diagnostics;
using System.Text;

namespace Ricord.Dicom.Tests.Peers;

/// <summary>Runs a peer command-line tool (dcmtk, dicom3tools, …) at test time. A missing tool fails the test.</summary>
public static class PeerTool
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string tool, IEnumerable<string> args, Encoding? encoding = null,
        IDictionary<string, string>? environment = null)
    {
        string? path = Find(tool) ?? throw new InvalidOperationException($"Peer tool '{tool}' is not installed; run ./test.sh, which installs it (apt: dcmtk, dicom3tools, …)");
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = encoding ?? Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
}
