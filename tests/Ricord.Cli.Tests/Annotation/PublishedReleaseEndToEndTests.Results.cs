using System.Text.Json;

namespace Ricord.Cli.Tests.Annotation;

public sealed partial class PublishedReleaseEndToEndTests
{
    /// <summary>Per study (published UID): the reads the release has, and each group's status and label as the script says.</summary>
    private static void AssertConsensus(JsonElement expected, (int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, run.Out + run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var studies = doc.RootElement.GetProperty("studies").EnumerateArray().ToDictionary(s => s.GetProperty("study").GetString()!);
        var want = expected.GetProperty("consensus").EnumerateObject().ToList();
        Assert.StartsWith("as published", doc.RootElement.GetProperty("requiredReadsRule").GetString(), StringComparison.Ordinal);
        Assert.Equal(want.Select(w => w.Name).Order(StringComparer.Ordinal), studies.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(want, w => w.Value.GetProperty("reads").GetInt32() == 2);
        foreach (var w in want)
        {
            var study = studies[w.Name];
            Assert.Matches("^MIDRC-RICORD-1C-419639-[0-9]{6}$", study.GetProperty("patient").GetString());
            Assert.Equal(w.Value.GetProperty("reads").GetInt32(), study.GetProperty("readers").GetArrayLength());
            Assert.Equal(w.Value.GetProperty("reads").GetInt32(), study.GetProperty("requiredReads").GetInt32()); // the release's reads, not 0
            var groups = study.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
            foreach (var (group, name) in new[] { ("appearance", "Appearance"), ("grade", "Airspace Disease Grading") })
            {
                var e = w.Value.GetProperty(group);
                var g = groups[name];
                Assert.True((e[0].GetString(), Norm(e[1].GetString())) == (g.GetProperty("status").GetString(), Norm(g.GetProperty("label").GetString())),
                    $"study #{want.IndexOf(w)} {group}: expected {e}, got {g}");
            }
        }
    }

    /// <summary>Per study and label: every reader's voxels and volume, and every pair's Dice, as the script computes them
    /// (the twin slice's polygon counted, the unknown SOP's not).</summary>
    private static void AssertSegmentation(JsonElement expected, (int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, run.Out + run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var entries = doc.RootElement.GetProperty("segmentations").EnumerateArray()
            .ToDictionary(s => s.GetProperty("study").GetString() + "|" + Norm(s.GetProperty("label").GetString()));
        var want = expected.GetProperty("segmentation").EnumerateObject().ToList();
        Assert.NotEmpty(want);
        Assert.Contains(want, w => w.Value.GetProperty("dice").EnumerateObject().Any());
        foreach (var w in want)
        {
            Assert.True(entries.TryGetValue(w.Name, out var got), $"no segmentation agreement for {w.Name}");
            Assert.Matches("^MIDRC-RICORD-1A-419639-[0-9]{6}$", got.GetProperty("patient").GetString());
            var volumes = got.GetProperty("volumes").EnumerateArray().ToDictionary(v => v.GetProperty("reader").GetString()!);
            foreach (var v in w.Value.GetProperty("volumes").EnumerateObject())
            {
                Assert.Equal(v.Value.GetInt64(), volumes[v.Name].GetProperty("voxels").GetInt64());
                Assert.Equal(w.Value.GetProperty("ml").GetProperty(v.Name).GetDouble(), volumes[v.Name].GetProperty("ml").GetDouble(), 6);
            }

            var pairs = got.GetProperty("pairs").EnumerateArray().ToList();
            foreach (var d in w.Value.GetProperty("dice").EnumerateObject())
            {
                string[] ab = d.Name.Split('|');
                var pair = pairs.Single(p => new[] { p.GetProperty("readerA").GetString(), p.GetProperty("readerB").GetString() }.Order().SequenceEqual(ab.Order()));
                Assert.Equal(d.Value.GetDouble(), pair.GetProperty("dice").GetDouble(), 9);
            }
        }
    }

    /// <summary>Every study's published StudyInstanceUID and PatientID, from the JSON, in the other formats too (consensus; the
    /// segmentation rows of agreement): on one CSV row together, and in the table (whose cells may wrap a line).</summary>
    private static void AssertPublishedIdentifiers(string json, string jsonArray, (int Code, string Out, string Err) csv, (int Code, string Out, string Err) table)
    {
        using var doc = JsonDocument.Parse(json);
        var pairs = doc.RootElement.GetProperty(jsonArray).EnumerateArray()
            .Select(s => (Study: s.GetProperty("study").GetString()!.Split('/')[0], Patient: s.GetProperty("patient").GetString()!)).Distinct().ToList();
        Assert.NotEmpty(pairs);
        Assert.True(csv.Code == 0, csv.Out + csv.Err);
        Assert.True(table.Code == 0, table.Out + table.Err);
        var rows = csv.Out.Split('\n');
        foreach (var (study, patient) in pairs)
        {
            Assert.Matches("^MIDRC-RICORD-1[AC]-419639-[0-9]{6}$", patient);
            Assert.Contains(rows, l => l.Contains(study, StringComparison.Ordinal) && l.Contains(patient, StringComparison.Ordinal));
            Assert.Contains(study, table.Out, StringComparison.Ordinal);
            Assert.Contains(patient, table.Out, StringComparison.Ordinal);
        }
    }
}
