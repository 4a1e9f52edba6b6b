using System.Text.Json;
using Ricord.Synth;

namespace Ricord.Tests.Annotation.Import;

/// <summary>
/// One synthetic release with perfect readers (p = 1), so every CT polygon is the truth's cross-section and every
/// radiograph read is the truth; plus helpers to lay its files out again under other names.
/// </summary>
public sealed class ReleaseFixture : IDisposable
{
    public static readonly SynthOptions Options = new() { Seed = 11, CtPatients = 3, CxrPatients = 6, Slices = 16, CxrSize = 128, ReaderAccuracy = 1.0, MaxParallelism = 2 };

    public ReleaseFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ricord-import-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Out = Path.Combine(Root, "synth");
        new SynthGenerator(Options).RunAsync(Out).GetAwaiter().GetResult();
        Truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "truth", "truth.json")));
    }

    public string Root { get; }

    public string Out { get; }

    public JsonDocument Truth { get; }

    public string Sites => Path.Combine(Out, "sites");

    public string CtExport => Path.Combine(Out, "annotations", "ct-mdai.json");

    public string CxrExport => Path.Combine(Out, "annotations", "cxr-mdai.json");

    public IEnumerable<JsonElement> CtStudies => Truth.RootElement.GetProperty("ctStudies").EnumerateArray();

    public IEnumerable<JsonElement> CxrStudies => Truth.RootElement.GetProperty("cxrStudies").EnumerateArray();

    public List<string> DicomFiles => [.. Directory.EnumerateFiles(Sites, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>A new empty folder under the fixture's root.</summary>
    public string NewFolder(string name)
    {
        string path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        Truth.Dispose();
        if (Environment.GetEnvironmentVariable("RICORD_KEEP_SYNTH") is null)
        {
            Directory.Delete(Root, true);
        }
    }
}
