using System.Text;
using Ricord.Deid;
using Ricord.DeidScoring;
using Ricord.Dicom;

namespace Ricord.Cli.Tests.DeidScore;

/// <summary>
/// One planted value at depth 3 (inside three nested sequences) per leak class issue 14 found: each must be removed,
/// emptied, replaced or cleaned as the scorer's oracle expects, and its needle must be in no output byte.
/// </summary>
[Trait("Category", "DeidScore")]
public sealed class LeakClassTests
{
    [Fact]
    public void Binary_value_under_clean_is_removed_or_zeroed()
    {
        // Maker Note (0016,002B) is C under Clean Descriptors: EXIF bytes a camera wrote, which cannot be read to clean.
        AssertHandled([0x00400260, 0x00400440, 0x0040A168], 0x0016002B, DicomVR.OB, "EXIF owner ZQMAKERN07\0\0\0\0\0\0");
    }

    [Fact]
    public void Unlisted_text_inside_a_retained_sequence_is_removed_or_cleaned()
    {
        // Request Attributes Sequence is cleaned (kept) under Clean Descriptors; Code Meaning is not in Table E.1-1.
        AssertHandled([0x00400275, 0x00321064, 0x0040A043], 0x00080104, DicomVR.LO, "ZQCODEMN07^MARGARETHA");
    }

    [Fact]
    public void Identifier_nested_in_an_x_d_sequence_is_removed()
    {
        // Operator Identification Sequence (X/D) → Person Identification Code Sequence (D) → an employee number as Code Value.
        AssertHandled([0x00400260, 0x00081072, 0x00401101], 0x00080100, DicomVR.SH, "ZQEMPLOY07");
    }

    [Fact]
    public void Free_text_comment_in_a_step_sequence_is_removed_or_cleaned()
    {
        AssertHandled([0x00400100, 0x00400008, 0x00400440], 0x00400400, DicomVR.LT, "Patient ZQSTEPCM07 called, daughter drives");
    }

    private static void AssertHandled(uint[] chain, uint tag, DicomVR vr, string value)
    {
        string needle = value.Split(' ', '^', '\0').First(w => w.StartsWith("ZQ", StringComparison.Ordinal));
        var ds = new DicomDataset()
            .SetString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
            .SetString(new DicomTag(0x00080018), DicomVR.UI, "1.2.826.0.1.3680043.10.1137.77.1")
            .SetString(new DicomTag(0x00080060), DicomVR.CS, "CT")
            .SetString(new DicomTag(0x00080070), DicomVR.LO, "GE MEDICAL SYSTEMS")
            .SetString(new DicomTag(0x00100020), DicomVR.LO, "MRN77")
            .SetString(new DicomTag(0x00280301), DicomVR.CS, "NO");
        var item = ds;
        var path = new List<PathStep>();
        foreach (uint sq in chain)
        {
            var next = new DicomDataset();
            item.SetSequence(new DicomTag(sq), next);
            path.Add(new PathStep(new DicomTag(sq), DicomVR.SQ, 0, null));
            item = next;
        }

        byte[] bytes = DicomValueParser.Pad(Encoding.ASCII.GetBytes(value), vr);
        item.SetBytes(new DicomTag(tag), vr, bytes);
        var planted = new PlantedValue(0, [.. path, new PathStep(new DicomTag(tag), vr, -1, null)], vr, bytes, needle, "leak class", InMeta: false);
        var corpus = new PhiCorpus(77, [new PhiCorpusFile(0, "one.dcm", new DicomFile(ds), "1.2.826.0.1.3680043.10.1137.77.1")], [planted]);
        string folder = Path.Combine(Path.GetTempPath(), $"ricord-leakclass-{Guid.NewGuid():N}");
        try
        {
            var report = DeidScorer.ScoreApi(corpus, corpus.WriteTo(folder), DeidProfile.Ricord, strict: false);
            var row = Assert.Single(report.Rows);
            Assert.Equal(3, row.Value.Depth);
            Assert.False(row.Expected.MayKeep, row.Expected.Rule);
            Assert.True(report.OutputFiles == 1, "the instance was not written");
            Assert.False(row.Leaked, $"{planted.Where}: the needle is in the output ({report.LeakLocations.FirstOrDefault()})");
            Assert.True(row.Correct, $"{planted.Where}: expected {OutcomeText.Format(row.Expected.Accept)} ({row.Expected.Rule}), observed {OutcomeText.Format(row.Observed.Outcome)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
