using Ricord.Synth;

namespace Ricord.Cli.Tests.Commands;

/// <summary>The input of the crash tests, made once: one site of a small synthetic collection (a chest CT with its
/// burned-in dose report, a few radiograph studies), plus a folder of extras that exercise the other outcomes:
/// a letter that is not DICOM, a truncated copy of a slice, and an exact copy of a radiograph.</summary>
public sealed class IngestCrashFixture : IDisposable
{
    public const string Site = "419639";

    public IngestCrashFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ricord-crash-input-" + Guid.NewGuid().ToString("N")[..12]);
        var options = new SynthOptions { Seed = 7, Sites = 1, CtPatients = 1, CxrPatients = 6, Slices = 8, CxrSize = 128 };
        new SynthGenerator(options).RunAsync(Path.Combine(Root, "synth")).GetAwaiter().GetResult();
        SiteDicom = Path.Combine(Root, "synth", "sites", Site, "dicom");
        Extras = Path.Combine(Root, "extras");
        Directory.CreateDirectory(Extras);
        var files = Directory.GetFiles(SiteDicom, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        File.WriteAllText(Path.Combine(Extras, "letter.txt"), "Referral letter, scanned as text.\n");
        var largest = files.MaxBy(f => new FileInfo(f).Length)!;
        var bytes = File.ReadAllBytes(largest);
        File.WriteAllBytes(Path.Combine(Extras, "truncated.dcm"), bytes[..(bytes.Length / 2)]);
        File.Copy(files.MinBy(f => new FileInfo(f).Length)!, Path.Combine(Extras, "copy.dcm"));
        InputFiles = files.Length + 3;
    }

    public string Root { get; }

    public string SiteDicom { get; }

    public string Extras { get; }

    public int InputFiles { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
