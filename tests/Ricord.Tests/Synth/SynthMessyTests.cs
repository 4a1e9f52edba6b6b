using Ricord.Dicom;

namespace Ricord.Tests.Synth;

[Collection(SynthCollection.Name)]
public sealed class SynthMessyTests(SynthFixture fixture)
{
    [Fact]
    public void All_six_defects_are_planted_and_recorded()
    {
        var defects = SynthTestSupport.Truth(fixture.Out).GetProperty("defects").EnumerateArray()
            .ToDictionary(d => d.GetProperty("kind").GetString()!, d => d.GetProperty("file").GetString()!);
        Assert.Equal(
            new[] { "duplicate-instance", "missing-slice", "non-dicom-file", "truncated-file", "uneven-spacing", "wrong-study-uid" },
            defects.Keys.Order(StringComparer.Ordinal));
        string P(string kind) => Path.Combine(fixture.Out, defects[kind]);

        Assert.False(File.Exists(P("missing-slice")));
        Assert.ThrowsAny<Exception>(() => DicomFile.Open(P("truncated-file")));
        Assert.ThrowsAny<Exception>(() => DicomFile.Open(P("non-dicom-file")));

        var dup = DicomFile.Open(P("duplicate-instance")).Dataset;
        string dupUid = dup.GetString(DicomTags.SOPInstanceUID)!;
        var sameUid = Directory.EnumerateFiles(Path.GetDirectoryName(P("duplicate-instance"))!)
            .Count(f => DicomFile.Open(f, new DicomReadOptions { StopBeforePixelData = true }).Dataset.GetString(DicomTags.SOPInstanceUID) == dupUid);
        Assert.Equal(2, sameUid);

        var wrong = DicomFile.Open(P("wrong-study-uid")).Dataset;
        var neighbour = DicomFile.Open(Directory.EnumerateFiles(Path.GetDirectoryName(P("wrong-study-uid"))!).Order(StringComparer.Ordinal).Last()).Dataset;
        Assert.NotEqual(neighbour.GetString(DicomTags.StudyInstanceUID), wrong.GetString(DicomTags.StudyInstanceUID));

        var z = Directory.EnumerateFiles(P("uneven-spacing"), "*.dcm")
            .Select(f => DicomFile.Open(f, new DicomReadOptions { StopBeforePixelData = true }).Dataset.GetDoubles(DicomTags.ImagePositionPatient)[2])
            .Order().ToList();
        var gaps = z.Zip(z.Skip(1), (a, b) => Math.Round(b - a, 3)).Distinct().Count();
        Assert.True(gaps >= 2);
    }
}
