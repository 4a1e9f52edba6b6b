using System.Text;
using System.Text.Json;

namespace Ricord.Synth;

public sealed partial class SynthGenerator
{
    /// <summary>Writes truth, masks, annotations, clinical sheets and the PHI manifest; returns the number of instances to write.</summary>
    private long WriteMetadata(string outDir)
    {
        long instances = 0;
        var defects = new List<(string Kind, string File, string Detail)>();
        using var truthStream = new FileStream(Path.Combine(outDir, "truth", "truth.json"), FileMode.Create);
        using var truth = new Utf8JsonWriter(truthStream, JsonOptions);
        using var manifestStream = new FileStream(Path.Combine(outDir, "phi-manifest.json"), FileMode.Create);
        using var manifest = new Utf8JsonWriter(manifestStream, JsonOptions);
        var clinical = _planner.Sites.ToDictionary(s => s.Id, s => ClinicalSheet.Open(Path.Combine(outDir, "sites", s.Id, "clinical.csv")));
        try
        {
            var expected = ExpectedAgreement.For(options.ReaderAccuracy, SynthPlanner.CxrClassPrior);
            truth.WriteStartObject();
            truth.WriteNumber("seed", options.Seed);
            truth.WriteNumber("readerAccuracy", options.ReaderAccuracy);
            truth.WriteStartObject("expectedCxrAgreement");
            truth.WriteString("rule", "each reader reports the true class with probability readerAccuracy, else another class uniformly; adjudication on any disagreement");
            truth.WriteNumber("pairwisePercentAgreement", expected.PercentAgreement);
            truth.WriteNumber("chanceAgreement", expected.ChanceAgreement);
            truth.WriteNumber("cohenKappa", expected.Kappa);
            truth.WriteNumber("unanimity", expected.Unanimity);
            truth.WriteNumber("adjudicationRate", expected.AdjudicationRate);
            truth.WriteEndObject();
            manifest.WriteStartArray();

            truth.WriteStartArray("ctStudies");
            var ctSchema = MdaiSchema.Ct(options.Seed);
            using (var mdai = new MdaiExportWriter(Path.Combine(outDir, "annotations", "ct-mdai.json"), options.Seed, "ct", "RICORD synthetic CT", ctSchema.Groups, "MIDRC-RICORD-1A synthetic"))
            {
                foreach (var p in _planner.CtPatients())
                {
                    instances += Patient(outDir, p, truth, manifest, clinical[p.Site.Id], mdai, defects);
                }

                mdai.BeginAnnotations();
                foreach (var p in _planner.CtPatients())
                {
                    CtAnnotations(p, ctSchema, mdai);
                }
            }

            truth.WriteEndArray();
            truth.WriteStartArray("cxrStudies");
            var cxrSchema = MdaiSchema.Cxr(options.Seed);
            using (var mdai = new MdaiExportWriter(Path.Combine(outDir, "annotations", "cxr-mdai.json"), options.Seed, "cxr", "RICORD synthetic radiographs", cxrSchema.Groups, "MIDRC-RICORD-1C synthetic"))
            {
                foreach (var p in _planner.CxrPatients())
                {
                    instances += Patient(outDir, p, truth, manifest, clinical[p.Site.Id], mdai, defects);
                }

                mdai.BeginAnnotations();
                foreach (var p in _planner.CxrPatients())
                {
                    CxrAnnotations(p, cxrSchema, mdai);
                }
            }

            truth.WriteEndArray();
            manifest.WriteEndArray();
            truth.WriteStartArray("defects");
            foreach (var (kind, file, detail) in defects)
            {
                truth.WriteStartObject();
                truth.WriteString("kind", kind);
                truth.WriteString("file", file);
                truth.WriteString("detail", detail);
                truth.WriteEndObject();
            }

            truth.WriteEndArray();
            truth.WriteEndObject();
        }
        finally
        {
            foreach (var c in clinical.Values)
            {
                c.Dispose();
            }
        }

        return instances;
    }

    private long Patient(string outDir, PatientPlan p, Utf8JsonWriter truth, Utf8JsonWriter manifest, ClinicalSheet clinical, MdaiExportWriter mdai, List<(string, string, string)> defects)
    {
        long count = 0;
        var phi = new Dictionary<(string Kind, string Value), List<string>>();
        string csv = $"sites/{p.Site.Id}/clinical.csv";
        clinical.Row(p);
        Plant(phi, "PatientID", p.Mrn, csv);
        Plant(phi, "Date", p.Clinical.PcrDate.ToString(p.Site.CsvDateFormat, System.Globalization.CultureInfo.InvariantCulture), csv);
        Plant(phi, "Date", p.Studies[0].Start.ToString(p.Site.CsvDateFormat, System.Globalization.CultureInfo.InvariantCulture), csv);
        foreach (var s in p.Studies)
        {
            mdai.Study(s.Uid, s.Number + 1);
            StudyTruth(outDir, p, s, truth);
            foreach (var se in s.Series)
            {
                var files = se.Instances.Where(i => !i.Omitted).Select(i => i.Path).ToList();
                count += files.Count;
                var first = se.Instances.First(i => !i.Omitted);
                var planted = new List<(string Kind, string Value)>();
                SynthInstanceWriter.Build(options.Seed, p, s, se, first, false, planted);
                foreach (var (kind, value) in planted)
                {
                    foreach (var f in files)
                    {
                        Plant(phi, kind, value, f);
                    }
                }
            }

            if (options.Messy && p.IsCt && s.Number == 0)
            {
                defects.AddRange(Defects(outDir, s));
            }
        }

        foreach (var ((kind, value), files) in phi)
        {
            manifest.WriteStartObject();
            manifest.WriteString("value", value);
            manifest.WriteString("kind", kind);
            manifest.WriteString("site", p.Site.Id);
            manifest.WriteString("characterSet", p.Site.CharacterSet ?? "ISO_IR 6");
            manifest.WriteBoolean("inPixelData", kind == "BurnedInText");
            manifest.WriteStartArray("files");
            foreach (var f in files.Distinct())
            {
                manifest.WriteStringValue(f);
            }

            manifest.WriteEndArray();
            manifest.WriteEndObject();
        }

        manifest.Flush();
        truth.Flush();
        return count;
    }

    private static void Plant(Dictionary<(string, string), List<string>> phi, string kind, string value, string file)
    {
        if (!phi.TryGetValue((kind, value), out var files))
        {
            phi[(kind, value)] = files = [];
        }

        if (files.Count == 0 || files[^1] != file)
        {
            files.Add(file);
        }
    }

    private static IEnumerable<(string, string, string)> Defects(string outDir, StudyPlan s)
    {
        foreach (var se in s.Series)
        {
            foreach (var i in se.Instances)
            {
                if (i.Omitted)
                {
                    yield return ("missing-slice", i.Path, $"slice {i.Slice} of series {se.Number} ({se.Description}) was not exported");
                }

                if (i.Truncate)
                {
                    yield return ("truncated-file", i.Path, "file cut to half its length");
                }

                if (i.WrongStudyUid is { } w)
                {
                    yield return ("wrong-study-uid", i.Path, $"StudyInstanceUID {w} instead of {s.Uid}");
                }
            }

            var dup = se.Instances.GroupBy(i => i.Uid).FirstOrDefault(g => g.Count() > 1);
            if (dup is not null)
            {
                yield return ("duplicate-instance", dup.Last().Path, $"same SOPInstanceUID and bytes as {dup.First().Path}");
            }

            if (se.Kind == SynthSeriesKind.AxialSoftTissue && se.Geometry is { } g)
            {
                var gaps = g.Positions.Zip(g.Positions.Skip(1), (a, b) => Math.Round(a - b, 3)).Distinct().ToList();
                if (gaps.Count > 1)
                {
                    yield return ("uneven-spacing", Path.GetDirectoryName(se.Instances[0].Path)!.Replace('\\', '/'), $"slice gaps {string.Join(", ", gaps)} mm");
                }
            }
        }

        string studyDir = Path.GetDirectoryName(Path.GetDirectoryName(s.Series[0].Instances[0].Path))!.Replace('\\', '/');
        string junk = studyDir + "/export.log";
        Directory.CreateDirectory(Path.Combine(outDir, studyDir));
        File.WriteAllText(Path.Combine(outDir, junk), "PACS export log\nexported with errors: 1\n", new UTF8Encoding(false));
        yield return ("non-dicom-file", junk, "a text log among the DICOM files");
    }
}
