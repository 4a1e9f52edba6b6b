using System.Diagnostics;
using System.Text.Json;

namespace Ricord.Tests.Synth;

internal static class SynthTestSupport
{
    public static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;

    public static JsonElement Truth(string outDir) => Json(Path.Combine(outDir, "truth", "truth.json"));

    /// <summary>Files the messy run deliberately broke (truncated, not DICOM); relative paths.</summary>
    public static HashSet<string> BrokenFiles(string outDir) =>
        [.. Truth(outDir).GetProperty("defects").EnumerateArray()
            .Where(d => d.GetProperty("kind").GetString() is "truncated-file" or "non-dicom-file")
            .Select(d => d.GetProperty("file").GetString()!)];

    public static List<string> DicomFiles(string outDir) =>
        [.. Directory.EnumerateFiles(Path.Combine(outDir, "sites"), "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static string Relative(string outDir, string path) => Path.GetRelativePath(outDir, path).Replace('\\', '/');

    /// <summary>Runs a peer tool; fails loudly when it is not installed.</summary>
    public static (int ExitCode, string Output) Tool(string name, params string[] args)
    {
        var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException($"{name} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{name}' is required for this test but is not installed (apt-get install dcmtk dicom3tools)", ex);
        }

        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
