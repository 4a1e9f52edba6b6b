using System.Text;
using System.Text.Json;
using Ricord.Annotation.Agreement;

namespace Ricord.Tests.Annotation.Agreement;

public sealed class AgreementReportTests
{
    private static AgreementReport Report()
    {
        var labels = CategoricalAgreementCalculator.Compute(RatingTable.FromRatings("proposal, yes/no", ["Yes", "No"], AgreementTestData.CohenProposals()), new AgreementOptions(BootstrapResamples: 100));
        var one = new MaskVolumeBuilder(4, 4, 1).AddRuns(0, [0, 4]).Build();
        var empty = MaskVolume.Empty(4, 4, 1);
        var seg = SegmentationAgreementCalculator.Compute("s1", "Lesion", [new("A", one), new("B", empty)], new VoxelGeometry(1, 1, 2));
        var seg2 = SegmentationAgreementCalculator.Compute("s2", "Lesion", [new("A", empty), new("B", empty)], new VoxelGeometry(1, 1, 2));
        return new AgreementReport([labels], [seg, seg2], new AgreementOptions(BootstrapResamples: 100));
    }

    [Fact]
    public void Csv_has_a_header_quoted_cells_and_empty_cells_for_nan()
    {
        var w = new StringWriter { NewLine = "\n" };
        Report().WriteCsv(w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,group,study,statistic,reader_a,reader_b,n,value,ci_lower,ci_upper,note,patient", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("label,\"proposal, yes/no\",,cohen_kappa,A,B,50,0.4,", StringComparison.Ordinal));
        Assert.Contains("segmentation,Lesion,s2,dice,A,B,1,,,,both masks empty,", lines);
        Assert.Contains("segmentation,Lesion,s1,volume_ml,A,,1,0.008,,,,", lines);
        Assert.Contains("segmentation,Lesion,,mean_dice,A,B,1,0,,,1 studies with both masks empty,", lines);
    }

    [Fact]
    public void Confusion_csv_lists_every_cell()
    {
        var w = new StringWriter();
        Report().WriteConfusionCsv(w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"proposal, yes/no\",A,B,No,Yes,10", lines);
        Assert.Equal(1 + 4 + (2 * 4), lines.Length);
    }

    [Fact]
    public void Json_holds_everything_with_null_for_undefined_values()
    {
        using var ms = new MemoryStream();
        Report().WriteJson(ms);
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(ms.ToArray()));
        var root = doc.RootElement;
        Assert.Equal(100, root.GetProperty("options").GetProperty("bootstrapResamples").GetInt32());
        var pair = root.GetProperty("labels")[0].GetProperty("pairs")[0];
        Assert.Equal(0.4, pair.GetProperty("cohenKappa").GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(10, pair.GetProperty("confusion")[1][0].GetInt32());
        Assert.False(pair.TryGetProperty("linearWeightedKappa", out _));
        var s2 = root.GetProperty("segmentations")[1].GetProperty("pairs")[0];
        Assert.Equal(JsonValueKind.Null, s2.GetProperty("dice").ValueKind);
        Assert.Equal("both masks empty", s2.GetProperty("note").GetString());
    }

    [Fact]
    public void Table_aligns_group_level_rows()
    {
        var w = new StringWriter();
        Report().WriteTable(w);
        var text = w.ToString();
        Assert.StartsWith("group", text, StringComparison.Ordinal);
        Assert.Contains("A vs B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("volume_ml", text, StringComparison.Ordinal);
    }
}
