using System.Text;
using System.Text.Json;
using Ricord.Dicom;

namespace Ricord.Tests.Synth;

[Collection(SynthCollection.Name)]
public sealed class SynthExportTests(SynthFixture fixture)
{
    [Fact]
    public void Mdai_exports_use_the_exact_ricord_label_strings()
    {
        var cxr = SynthTestSupport.Json(Path.Combine(fixture.Out, "annotations", "cxr-mdai.json"));
        var ct = SynthTestSupport.Json(Path.Combine(fixture.Out, "annotations", "ct-mdai.json"));
        var cxrNames = Labels(cxr).Select(l => l.GetProperty("name").GetString()).ToHashSet();
        var ctNames = Labels(ct).Select(l => l.GetProperty("name").GetString()).ToHashSet();
        Assert.Contains("Mild Opacities  (1-2 lung zones)", cxrNames);
        Assert.Contains("Moderate Opacities (3-4 lung zones)", cxrNames);
        Assert.Contains("Severe Opacities (>4 lung zones)", cxrNames);
        Assert.Contains("Negative for Pneumonia", cxrNames);
        Assert.Contains("Typical Appearance", cxrNames);
        Assert.DoesNotContain("Negative for pneumonia", cxrNames);
        Assert.Contains("Negative for pneumonia", ctNames);
        Assert.DoesNotContain("Negative for Pneumonia", ctNames);
        foreach (var name in new[] { "Infectious opacity", "Infectious TIB/micronodules", "Atelectasis", "Other noninfectious opacity", "Noninfectious nodule/mass", "Infectious cavity" })
        {
            Assert.Contains(name, ctNames);
        }

        Assert.Contains("Adjudication", cxr.GetProperty("labelGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.All(Labels(ct).Concat(Labels(cxr)), l =>
        {
            Assert.StartsWith("L_", l.GetProperty("id").GetString());
            Assert.Contains(l.GetProperty("scope").GetString(), new[] { "STUDY", "INSTANCE" });
        });
    }

    [Fact]
    public void Ct_annotations_reference_original_uids_and_include_null_data_rows()
    {
        var ct = SynthTestSupport.Json(Path.Combine(fixture.Out, "annotations", "ct-mdai.json"));
        var labels = Labels(ct).ToDictionary(l => l.GetProperty("id").GetString()!, l => l);
        var dataset = ct.GetProperty("datasets")[0];
        var studyUids = dataset.GetProperty("studies").EnumerateArray().Select(s => s.GetProperty("StudyInstanceUID").GetString()).ToHashSet();
        var sopUids = SynthTestSupport.Truth(fixture.Out).GetProperty("ctStudies").EnumerateArray()
            .SelectMany(s => s.GetProperty("series").EnumerateArray()).SelectMany(s => s.GetProperty("sopInstanceUids").EnumerateArray()).Select(u => u.GetString()).ToHashSet();
        int instance = 0, nullData = 0, study = 0;
        foreach (var a in dataset.GetProperty("annotations").EnumerateArray())
        {
            Assert.StartsWith("A_", a.GetProperty("id").GetString());
            Assert.StartsWith("U_", a.GetProperty("createdById").GetString());
            Assert.Contains(a.GetProperty("StudyInstanceUID").GetString(), studyUids);
            var label = labels[a.GetProperty("labelId").GetString()!];
            if (label.GetProperty("scope").GetString() == "INSTANCE")
            {
                instance++;
                Assert.Contains(a.GetProperty("SOPInstanceUID").GetString(), sopUids);
                if (a.GetProperty("data").ValueKind == JsonValueKind.Null)
                {
                    nullData++;
                }
                else
                {
                    Assert.True(a.GetProperty("data").GetProperty("vertices").GetArrayLength() == 48);
                }
            }
            else
            {
                study++;
                Assert.Equal(JsonValueKind.Null, a.GetProperty("data").ValueKind);
                Assert.Equal(JsonValueKind.Null, a.GetProperty("SOPInstanceUID").ValueKind);
            }
        }

        Assert.True(instance > 10 && study >= 2 && nullData >= 1);
    }

    [Fact]
    public void Cxr_adjudication_is_present_exactly_where_readers_disagree()
    {
        var cxr = SynthTestSupport.Json(Path.Combine(fixture.Out, "annotations", "cxr-mdai.json"));
        var groups = cxr.GetProperty("labelGroups").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.GetProperty("name").GetString()!);
        var classes = Labels(cxr).Where(l => l.GetProperty("name").GetString()!.Contains("Appearance") || l.GetProperty("name").GetString() == "Negative for Pneumonia")
            .ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("name").GetString()!);
        var byStudy = cxr.GetProperty("datasets")[0].GetProperty("annotations").EnumerateArray()
            .Where(a => classes.ContainsKey(a.GetProperty("labelId").GetString()!))
            .GroupBy(a => a.GetProperty("StudyInstanceUID").GetString());
        int studies = 0;
        foreach (var s in byStudy)
        {
            studies++;
            var readers = s.Where(a => groups[a.GetProperty("groupId").GetString()!].StartsWith("Reader", StringComparison.Ordinal)).Select(a => classes[a.GetProperty("labelId").GetString()!]).ToList();
            Assert.Equal(3, readers.Count);
            bool adjudicated = s.Any(a => groups[a.GetProperty("groupId").GetString()!] == "Adjudication");
            Assert.Equal(readers.Distinct().Count() > 1, adjudicated);
        }

        Assert.Equal(SynthTestSupport.Truth(fixture.Out).GetProperty("cxrStudies").GetArrayLength(), studies);
    }

    [Fact]
    public void Clinical_sheets_are_keyed_by_the_sites_mrns()
    {
        var truth = SynthTestSupport.Truth(fixture.Out);
        foreach (var site in new[] { "419639", "660042", "440808", "SITE2" })
        {
            var lines = File.ReadAllLines(Path.Combine(fixture.Out, "sites", site, "clinical.csv"));
            Assert.StartsWith("MRN,", lines[0]);
            var mrns = lines.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
            var expected = truth.GetProperty("ctStudies").EnumerateArray().Concat(truth.GetProperty("cxrStudies").EnumerateArray())
                .Where(s => s.GetProperty("site").GetString() == site).Select(s => s.GetProperty("patientId").GetString()!).ToHashSet();
            Assert.Equal(expected, mrns);
        }
    }

    [Fact]
    public void Phi_manifest_values_occur_in_the_listed_files_in_their_character_set()
    {
        var manifest = SynthTestSupport.Json(Path.Combine(fixture.Out, "phi-manifest.json"));
        var cache = new Dictionary<string, byte[]>();
        var kinds = new HashSet<string>();
        int checkedValues = 0;
        foreach (var e in manifest.EnumerateArray())
        {
            string kind = e.GetProperty("kind").GetString()!;
            kinds.Add(kind);
            if (e.GetProperty("inPixelData").GetBoolean())
            {
                continue;
            }

            string value = e.GetProperty("value").GetString()!;
            var encoding = e.GetProperty("characterSet").GetString() switch
            {
                "ISO_IR 192" => Encoding.UTF8,
                "ISO_IR 100" => Encoding.Latin1,
                _ => Encoding.ASCII,
            };
            foreach (var f in e.GetProperty("files").EnumerateArray().Select(x => x.GetString()!))
            {
                if (!cache.TryGetValue(f, out var bytes))
                {
                    bytes = File.ReadAllBytes(Path.Combine(fixture.Out, f));
                    bytes = bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)).ToArray();
                    cache[f] = bytes;
                }

                var needle = (f.EndsWith(".csv", StringComparison.Ordinal) ? Encoding.UTF8 : encoding).GetBytes(value);
                Assert.True(bytes.AsSpan().IndexOf(needle) >= 0, $"{kind} '{value}' not found in {f}");
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 1000);
        foreach (var k in new[] { "PatientName", "PatientID", "PatientBirthDate", "PatientAddress", "PatientTelephone", "AccessionNumber", "InstitutionName", "PhysicianName", "FreeText", "OtherPatientID", "PrivatePatientID", "RequestedProcedureID", "Date", "Time", "DateTime", "BurnedInText" })
        {
            Assert.Contains(k, kinds);
        }
    }

    [Fact]
    public void Phi_manifest_is_complete_for_the_identifying_elements_of_every_file()
    {
        var manifest = SynthTestSupport.Json(Path.Combine(fixture.Out, "phi-manifest.json"));
        var listed = new HashSet<(string, string)>();
        foreach (var e in manifest.EnumerateArray())
        {
            foreach (var f in e.GetProperty("files").EnumerateArray())
            {
                listed.Add((e.GetProperty("value").GetString()!, f.GetString()!));
            }
        }

        var broken = SynthTestSupport.BrokenFiles(fixture.Out);
        uint[] tags = [0x00100010, 0x00100020, 0x00100030, 0x00080050, 0x00080080, 0x00080090, 0x00080020, 0x00080030, 0x001021B0, 0x00204000, 0x00101040, 0x00102154];
        foreach (var path in SynthTestSupport.DicomFiles(fixture.Out).Where((_, i) => i % 7 == 0))
        {
            string rel = SynthTestSupport.Relative(fixture.Out, path);
            if (broken.Contains(rel))
            {
                continue;
            }

            var ds = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
            foreach (uint t in tags)
            {
                string value = ds.GetText(new DicomTag(t))!;
                Assert.Contains((value, rel), listed);
            }

            string other = ds.GetSequence(DicomTags.OtherPatientIDsSequence)[0].GetString(DicomTags.PatientID)!;
            Assert.Contains((other, rel), listed);
        }
    }

    private static IEnumerable<JsonElement> Labels(JsonElement export) =>
        export.GetProperty("labelGroups").EnumerateArray().SelectMany(g => g.GetProperty("labels").EnumerateArray());
}
