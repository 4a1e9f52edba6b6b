using System.Text.Json;
using Ricord.Annotation;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Reads;
using Ricord.Cli.Tests.Commands;
using Ricord.Synth;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>One small synthetic release made by `ricord synth --reader-accuracy 1` (every CT polygon is the truth's
/// cross-section, every label the truth's), shared by the import tests, with the checks against its truth.</summary>
public sealed class SynthRelease : IDisposable
{
    public SynthRelease()
        : this("--seed", "5", "--sites", "1", "--ct-patients", "3", "--cxr-patients", "2", "--slices", "12", "--cxr-size", "128", "--reader-accuracy", "1")
    {
    }

    private SynthRelease(params string[] synthOptions)
    {
        Root = Path.Combine(Path.GetTempPath(), "ricord-reads-" + Guid.NewGuid().ToString("N")[..8]);
        var (code, _, error) = InProcessCli.Run(["synth", Out, .. synthOptions]);
        Assert.True(code == 0, error);
        Truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Out, "truth", "truth.json")));
    }

    /// <summary>Another release, made by `ricord synth OUT` with <paramref name="synthOptions"/> (e.g. imperfect readers).</summary>
    public static SynthRelease Synthesize(params string[] synthOptions) => new(synthOptions);

    public string Root { get; }

    public string Out => Path.Combine(Root, "synth");

    public string Dicom => Path.Combine(Out, "sites", "419639", "dicom");

    public string CtExport => Path.Combine(Out, "annotations", "ct-mdai.json");

    public string CxrExport => Path.Combine(Out, "annotations", "cxr-mdai.json");

    /// <summary>The site's clinical sheet with the CT patients' rows only.</summary>
    public string CtClinical()
    {
        string path = Path.Combine(NewFolder("clinical"), "clinical-ct.csv");
        var lines = File.ReadAllLines(Path.Combine(Out, "sites", "419639", "clinical.csv"));
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Where(l => l.Split(',')[1] == "CT")]);
        return path;
    }

    public JsonDocument Truth { get; }

    public IEnumerable<JsonElement> CtStudies => Truth.RootElement.GetProperty("ctStudies").EnumerateArray();

    public IEnumerable<JsonElement> CxrStudies => Truth.RootElement.GetProperty("cxrStudies").EnumerateArray();

    /// <summary>Strings that must never be printed: original Study UIDs and the site's MRNs.</summary>
    public IEnumerable<string> Identifiers => CtStudies.SelectMany(s => new[] { s.GetProperty("studyInstanceUid").GetString()!, s.GetProperty("patientId").GetString()! });

    /// <summary>The CT image files (the radiographs are another project's; the dose report screens, which ingest quarantines
    /// for burned-in text, are left out as a published release leaves them out).</summary>
    public List<string> CtFiles => [.. CtStudies.SelectMany(s => s.GetProperty("series").EnumerateArray())
        .Where(s => s.GetProperty("kind").GetString() != "DoseReport")
        .SelectMany(s => s.GetProperty("files").EnumerateArray()).Select(f => Path.Combine(Out, f.GetString()!)).Where(File.Exists)];

    public string NewFolder(string name)
    {
        string path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Every CT study has one read per simulated reader; each read's study labels are exactly the truth's appearance, and
    /// its polygons, rasterised with the project's one rule, equal the truth masks voxel for voxel (Dice 1) for every label
    /// and slice of the annotated series. <paramref name="remap"/> maps the truth's original UIDs to the catalog's.
    /// </summary>
    public void AssertCtReadsMatchTruth(IReadOnlyList<MdaiRead> reads, Func<string, string> remap)
    {
        var byStudy = reads.GroupBy(r => r.StudyInstanceUid).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int masks = 0;
        foreach (var study in CtStudies)
        {
            var studyReads = byStudy.GetValueOrDefault(remap(study.GetProperty("studyInstanceUid").GetString()!)) ?? [];
            Assert.Equal(study.GetProperty("readers").GetInt32(), studyReads.Count);
            foreach (var read in studyReads)
            {
                Assert.Equal([study.GetProperty("appearance").GetString()!], read.Content.Labels.Where(l => l.SeriesInstanceUid is null).Select(l => l.Label));
                var annotated = study.GetProperty("series").EnumerateArray().Where(s => s.GetProperty("annotated").GetBoolean()).ToList();
                var sops = annotated.SelectMany(s => s.GetProperty("sopInstanceUids").EnumerateArray()).Select(u => remap(u.GetString()!)).ToHashSet(StringComparer.Ordinal);
                Assert.All(read.Content.Shapes, s => Assert.Contains(s.SopInstanceUid, sops));
                foreach (var series in annotated)
                {
                    masks += AssertSeriesMasks(series, read, remap);
                }
            }
        }

        Assert.True(masks > 0, "no truth mask had voxels");
    }

    /// <summary>Every radiograph study has its three readers' reads, each with exactly the truth's appearance and grade
    /// (no grade for a negative study).</summary>
    public void AssertCxrReadsMatchTruth(IReadOnlyList<MdaiRead> reads, Func<string, string> remap)
    {
        var byStudy = reads.Where(r => !r.IsAdjudication).GroupBy(r => r.StudyInstanceUid).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var study in CxrStudies)
        {
            var expected = new[] { study.GetProperty("appearance").GetString(), study.GetProperty("grade").GetString() }.OfType<string>().Order(StringComparer.Ordinal);
            var studyReads = byStudy[remap(study.GetProperty("studyInstanceUid").GetString()!)];
            Assert.Equal(3, studyReads.Count);
            Assert.All(studyReads, r => Assert.Equal(expected, r.Content.Labels.Select(l => l.Label).Order(StringComparer.Ordinal)));
        }
    }

    private int AssertSeriesMasks(JsonElement series, MdaiRead read, Func<string, string> remap)
    {
        var geometry = series.GetProperty("geometry");
        int rows = geometry.GetProperty("rows").GetInt32(), cols = geometry.GetProperty("columns").GetInt32();
        var sops = series.GetProperty("sopInstanceUids").EnumerateArray().Select(u => remap(u.GetString()!)).ToList();
        int nonEmpty = 0;
        foreach (var mask in series.GetProperty("masks").EnumerateObject())
        {
            var truth = MaskRleWriter.Read(Path.Combine(Out, mask.Value.GetProperty("file").GetString()!));
            long both = 0, truthVoxels = 0, readVoxels = 0;
            for (int k = 0; k < sops.Count; k++)
            {
                var expected = truth.GetValueOrDefault(k) ?? new byte[rows * cols];
                var drawn = new byte[rows * cols];
                foreach (var s in read.Content.Shapes.Where(s => s.Label == mask.Name && s.SopInstanceUid == sops[k]))
                {
                    Assert.Equal(ShapeKind.Polygon, s.Kind);
                    var xs = s.Points!.Where((_, i) => i % 2 == 0).ToArray();
                    var ys = s.Points!.Where((_, i) => i % 2 == 1).ToArray();
                    PolygonRasterizer.Fill(xs, ys, rows, cols, drawn);
                }

                Assert.True(expected.AsSpan().SequenceEqual(drawn), $"{read.Reader}, '{mask.Name}', slice {k}: the read's mask is not the truth's");
                truthVoxels += expected.Count(b => b != 0);
                readVoxels += drawn.Count(b => b != 0);
                both += expected.Zip(drawn).Count(p => p.First != 0 && p.Second != 0);
            }

            Assert.Equal(mask.Value.GetProperty("voxels").GetInt64(), truthVoxels);
            Assert.Equal(1.0, truthVoxels + readVoxels == 0 ? 1.0 : 2.0 * both / (truthVoxels + readVoxels));
            nonEmpty += truthVoxels > 0 ? 1 : 0;
        }

        return nonEmpty;
    }

    public void Dispose()
    {
        Truth.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, true);
        }
    }
}
