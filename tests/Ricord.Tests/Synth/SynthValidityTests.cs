using Ricord.Dicom;

namespace Ricord.Tests.Synth;

[Collection(SynthCollection.Name)]
public sealed class SynthValidityTests(SynthFixture fixture)
{
    [Fact]
    public void Every_intact_file_parses_with_our_reader()
    {
        var broken = SynthTestSupport.BrokenFiles(fixture.Out);
        int parsed = 0;
        foreach (var f in SynthTestSupport.DicomFiles(fixture.Out))
        {
            if (broken.Contains(SynthTestSupport.Relative(fixture.Out, f)))
            {
                Assert.ThrowsAny<Exception>(() => DicomFile.Open(f));
                continue;
            }

            var file = DicomFile.Open(f);
            Assert.Empty(file.Warnings);
            Assert.NotNull(file.Dataset[DicomTags.PixelData]);
            parsed++;
        }

        Assert.True(parsed > 100);
    }

    [Fact]
    public void Dcmdump_reads_every_intact_file()
    {
        var broken = SynthTestSupport.BrokenFiles(fixture.Out);
        var files = SynthTestSupport.DicomFiles(fixture.Out).Where(f => !broken.Contains(SynthTestSupport.Relative(fixture.Out, f))).ToArray();
        foreach (var chunk in files.Chunk(100))
        {
            var (code, output) = SynthTestSupport.Tool("dcmdump", ["-q", "+E", .. chunk]);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("E: ", output);
        }
    }

    [Theory]
    [InlineData("419639", "SERIES_3", "CTImage")]
    [InlineData("419639", "SERIES_1/IM000001", "CTImage")]
    [InlineData("419639", "SERIES_900", "SCImage")]
    [InlineData("660042", "SERIES_3", "CTImage")]
    [InlineData("440808", "SERIES_1", "DXImageForPresentation")]
    [InlineData("SITE2", "SERIES_1", "CRImage")]
    public void Dciodvfy_reports_no_errors(string site, string fragment, string iod)
    {
        var broken = SynthTestSupport.BrokenFiles(fixture.Out);
        var candidates = SynthTestSupport.DicomFiles(fixture.Out)
            .Where(f => SynthTestSupport.Relative(fixture.Out, f) is var r && r.StartsWith($"sites/{site}/", StringComparison.Ordinal) && r.Contains(fragment, StringComparison.Ordinal) && !broken.Contains(r))
            .Where(f => DicomFile.Open(f, new DicomReadOptions { StopBeforePixelData = true }).Dataset.GetString(DicomTags.Modality) == Modality(iod))
            .ToList();
        Assert.NotEmpty(candidates);
        var (_, output) = SynthTestSupport.Tool("dciodvfy", candidates[0]);
        Assert.Contains(iod, output);
        Assert.DoesNotContain("Error", output);
    }

    private static string Modality(string iod) => iod switch
    {
        "CTImage" => "CT",
        "SCImage" => "OT",
        "CRImage" => "CR",
        _ => "DX",
    };
}
