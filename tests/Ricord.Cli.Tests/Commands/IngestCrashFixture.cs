using Ricord.Synth;

namespace Ricord.Cli.Tests.Commands;

/// <summary>The inputs of the crash tests, made once: one site of a small synthetic collection (a chest CT with its
/// burned-in dose report, a few radiograph studies), clean and messy (the six defects of real exports), each with
/// a folder of extras that exercise the other outcomes: a letter that is not DICOM, a truncated copy of a slice,
/// and an exact copy of a radiograph.</summary>
public sealed class IngestCrashFixture : IDisposable
{
    public const string Site = "419639";

    public IngestCrashFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ricord-crash-input-" + Guid.NewGuid().ToString("N")[..12]);
        Clean = Make(Path.Combine(Root, "clean"), messy: false);
        Messy = Make(Path.Combine(Root, "messy"), messy: true);
    }

    public string Root { get; }

    public IngestCrashInput Clean { get; }

    public IngestCrashInput Messy { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>One input under <paramref name="root"/>: <paramref name="slices"/> per CT series and
    /// <paramref name="cxrPatients"/> radiograph patients (the fixture's own inputs use 8 and 6).</summary>
    internal static IngestCrashInput Make(string root, bool messy, int slices = 8, int cxrPatients = 6)
    {
        var options = new SynthOptions { Seed = 7, Sites = 1, CtPatients = 1, CxrPatients = cxrPatients, Slices = slices, CxrSize = 128, Messy = messy };
        new SynthGenerator(options).RunAsync(Path.Combine(root, "synth")).GetAwaiter().GetResult();
        var siteDicom = Path.Combine(root, "synth", "sites", Site, "dicom");
        var extras = Path.Combine(root, "extras");
        Directory.CreateDirectory(extras);
        var files = Directory.GetFiles(siteDicom, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        File.WriteAllText(Path.Combine(extras, "letter.txt"), "Referral letter, scanned as text.\n");
        var largest = files.MaxBy(f => new FileInfo(f).Length)!;
        var bytes = File.ReadAllBytes(largest);
        File.WriteAllBytes(Path.Combine(extras, "truncated.dcm"), bytes[..(bytes.Length / 2)]);
        File.Copy(files.MinBy(f => new FileInfo(f).Length)!, Path.Combine(extras, "copy.dcm"));
        return new IngestCrashInput(siteDicom, extras, files.Length + 3);
    }
}
