using Ricord.Deid;
using Ricord.DeidScoring;
using Ricord.Dicom;

namespace Ricord.Cli.Tests.DeidScore;

/// <summary>The corpus and the scorer themselves: what they cover, that they are deterministic, and that they catch a leak.</summary>
public sealed class ScorerTests
{
    [Fact]
    public void Corpus_covers_every_table_attribute_vr_and_place_with_unique_values()
    {
        var corpus = PhiCorpusGenerator.Generate(seed: 3);
        foreach (var file in corpus.Files)
        {
            Assert.True(corpus.In(file.Index).Count() >= 500, $"file {file.Index} has only {corpus.In(file.Index).Count()} planted values");
        }

        var topLevel = corpus.In(0).Where(v => v.Depth == 0 && !v.InMeta).Select(v => v.Element.Tag.Value).ToHashSet();
        var deep = corpus.In(0).Where(v => v.Depth == 3).Select(v => v.Element.Tag.Value).ToHashSet();
        foreach (var row in TableE11.Standard.ExactRows)
        {
            var tag = DicomTag.Parse(row.Tag);
            if (tag.Group != 0x0002 && DicomDictionary.Find(tag) is { } entry && entry.DefaultVR != DicomVR.UN)
            {
                Assert.True(topLevel.Contains(tag.Value), $"{row.Tag} {row.Name} is not planted at the top level");
                Assert.True(entry.DefaultVR == DicomVR.SQ || deep.Contains(tag.Value), $"{row.Tag} {row.Name} is not planted at depth 3");
            }
        }

        var vrs = corpus.Values.Select(v => v.VR).ToHashSet();
        Assert.All(Enum.GetValues<DicomVR>().Where(v => v != DicomVR.None), vr => Assert.Contains(vr, vrs));
        var places = corpus.Values.Select(v => v.Place).ToHashSet();
        Assert.All(typeof(Places).GetFields().Select(f => (string)f.GetValue(null)!), p => Assert.Contains(p, places));
        var needles = corpus.Values.Where(v => v.Needle is not null && v.Place != Places.Private).Select(v => v.Needle).ToList();
        Assert.Equal(needles.Count, needles.Distinct().Count());
        Assert.Contains(corpus.Values, v => v.InMeta);
        Assert.All(corpus.Values.Where(v => v.VR == DicomVR.UI), v => Assert.Null(DicomUidGenerator.Problem(System.Text.Encoding.ASCII.GetString(v.Value).TrimEnd('\0'))));
        Assert.True(corpus.Values.Max(v => v.Depth) >= 3);
    }

    [Fact]
    public void Corpus_is_deterministic_per_seed()
    {
        byte[] a = PhiCorpusGenerator.Generate(seed: 5).Files[1].File.ToBytes();
        byte[] b = PhiCorpusGenerator.Generate(seed: 5).Files[1].File.ToBytes();
        byte[] c = PhiCorpusGenerator.Generate(seed: 6).Files[1].File.ToBytes();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Scorer_fails_a_tool_that_changes_nothing()
    {
        // The input passed through unchanged: every value that had to go is found, and most actions are wrong.
        var corpus = PhiCorpusGenerator.Generate(seed: 8, files: 1);
        var input = DicomFile.Read(corpus.Files[0].File.ToBytes());
        var report = DeidScorer.Score(corpus, new Expectations(DeidProfile.Ricord, strict: false), "identity", "RICORD",
            new Dictionary<int, DicomFile?> { [0] = input }, [("input", corpus.Files[0].File.ToBytes())], []);
        int mustGo = report.Rows.Count(r => r.Value.Needle is not null && !r.Expected.MayKeep);
        Assert.True(mustGo > 500, $"only {mustGo} values must go");
        Assert.True(mustGo == report.Leaked, string.Join("\n", report.Rows.Where(r => r.Value.Needle is not null && !r.Expected.MayKeep && !r.Leaked).Select(r => $"{r.Value.Where} {r.Value.VR} {r.Value.Needle}")));
        Assert.True(report.PercentCorrect < 40, report.Summary);
        Assert.All(report.Rows.Where(r => r.Value.Place is Places.Control or Places.SafeCode), r => Assert.True(r.Correct, r.Value.Where));
    }

    [Fact]
    public void Needle_scan_finds_needles_in_any_case_and_undelimited()
    {
        var scan = new NeedleScan(["ZQABCDEFGH", "1.2.826.0.1.3680043.10.1137.1.0.5", "800000000012.5"]);
        var found = new HashSet<string>();
        scan.Scan("x 99zqabcdefgh^JAN 1.2.826.0.1.3680043.10.1137.1.0.5p ZQABCDEFG 800000000012\0", found);
        Assert.Equal(["1.2.826.0.1.3680043.10.1137.1.0.5", "ZQABCDEFGH"], found.Order(StringComparer.Ordinal));
    }
}
