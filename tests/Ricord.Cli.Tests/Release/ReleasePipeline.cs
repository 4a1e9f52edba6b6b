using System.Text.Json;
using Ricord.Cli.Tests.Commands;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// One small pipeline shared by the release tests: `ricord synth --reader-accuracy 1` (every CT polygon is the truth's
/// cross-section) → ingest of every site → clinical sheets → both RICORD projects with the simulated reads → two
/// builds of release 1.0.0 from the same catalog (the second to compare bytes).
/// </summary>
public sealed class ReleasePipeline : IDisposable
{
    public const string Collection = "RC";

    public ReleasePipeline()
    {
        Root = Path.Combine(Path.GetTempPath(), "ricord-release-" + Guid.NewGuid().ToString("N")[..8]);
        Run("synth", Synth, "--seed", "7", "--ct-patients", "3", "--cxr-patients", "4", "--slices", "8", "--cxr-size", "64", "--reader-accuracy", "1");
        var sites = Directory.GetDirectories(Path.Combine(Synth, "sites")).Order(StringComparer.Ordinal).ToList();
        Run(["ingest", .. sites.Select(s => $"{Path.Combine(s, "dicom")}={Path.GetFileName(s)}"), "--collection", Collection, "--data", Data], allowPartial: true);
        foreach (string site in sites)
        {
            Run(["clinical", "import", Path.Combine(site, "clinical.csv"), "--site", Path.GetFileName(site), "--collection", Collection,
                "--date-format", Ricord.Synth.SynthGenerator.ClinicalDateFormat(Path.GetFileName(site))!, "--data", Data], allowPartial: true);
        }

        foreach (var (project, schema, modality, rule, export) in new[]
        {
            ("RICORD-CT", "ricord-ct", "CT", "no-majority", "ct-mdai.json"),
            ("RICORD-CXR", "ricord-cxr", "CR,DX", "any-disagreement", "cxr-mdai.json"),
        })
        {
            string file = Path.Combine(Root, schema + ".json");
            File.WriteAllText(file, Ricord.Annotation.Schemas.BuiltinSchemas.Json(schema)!);
            Run("schema", "import", file, "--data", Data);
            Run("project", "create", project, "--collection", Collection, "--schema", schema, "--modality", modality, "--rule", rule, "--as", "curator", "--data", Data);
            Run("read", "import", Path.Combine(Synth, "annotations", export), "--project", project, "--uids", "original", "--as", "curator", "--data", Data);
        }

        BuildOutput = Run("release", "build", Collection, "--version", "1.0.0", "--out", Release, "--data", Data);
        Run("release", "build", Collection, "--version", "1.0.0", "--out", Rebuild, "--data", Data);
        Truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Synth, "truth", "truth.json")));
        _withOptions = new(() =>
        {
            foreach (string folder in new[] { WithOptionsPath, WithOptionsPath + "-again" })
            {
                Run(["release", "build", Collection, "--version", "1.0.0", "--out", folder, "--data", Data, .. OptionsA]);
            }

            Run(["release", "build", Collection, "--version", "1.0.0", "--out", WithOtherOptions, "--data", Data, .. OptionsB]);
            return WithOptionsPath;
        });
    }

    /// <summary>Every optional output of release-b's part of issue 16, in two builds (radiographs can be one format at a time).</summary>
    public static readonly string[] OptionsA = ["--dicom-layout", "uid", "--recompress", "jpeg-ls", "--label-files", "--radiographs", "png", "--labelmap-seg", "--decathlon"];

    public static readonly string[] OptionsB = ["--recompress", "rle", "--radiographs", "nifti", "--gzip", "--label-files"];

    private readonly Lazy<string> _withOptions;

    private string WithOptionsPath => Path.Combine(Root, "rel-options");

    /// <summary>Release 1.0.0 built with <see cref="OptionsA"/> (built on first use, twice: the second is WithOptions + "-again").</summary>
    public string WithOptions => _withOptions.Value;

    /// <summary>Release 1.0.0 built with <see cref="OptionsB"/> (built with <see cref="WithOptions"/>).</summary>
    public string WithOtherOptions => Path.Combine(Root, "rel-options-b");

    public string Root { get; }

    public string Synth => Path.Combine(Root, "synth");

    public string Data => Path.Combine(Root, "data");

    public string Release => Path.Combine(Root, "rel-1.0.0");

    public string Rebuild => Path.Combine(Root, "rel-1.0.0-again");

    public string BuildOutput { get; }

    public JsonDocument Truth { get; }

    public static string Run(params string[] args) => Run(args, allowPartial: false);

    public static string Run(string[] args, bool allowPartial)
    {
        var (code, output, error) = InProcessCli.Run(args);
        Assert.True(code == 0 || (allowPartial && code == ExitCodes.PartialSuccess), $"ricord {args[0]} {args[1]}: exit {code}: {error}{output}");
        return output;
    }

    public void Dispose()
    {
        Truth.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
