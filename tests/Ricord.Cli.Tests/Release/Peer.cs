using System.Diagnostics;

namespace Ricord.Cli.Tests.Release;

/// <summary>Runs a peer tool (dcm2niix, dciodvfy, dcmdump, python3 with pydicom). A missing tool fails the test: ./test.sh installs them.</summary>
internal static class Peer
{
    public static (int Code, string Out, string Err) Run(string tool, params string[] args)
    {
        string path = tool.StartsWith('/') ? tool : (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"peer tool '{tool}' is not installed; ./test.sh installs it");
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}
