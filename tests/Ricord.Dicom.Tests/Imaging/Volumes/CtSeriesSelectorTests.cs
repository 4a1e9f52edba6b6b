using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Dicom.Tests.Imaging.Volumes;

public sealed class CtSeriesSelectorTests
{
    private static readonly Vector3 Axial = new(0, 0, 1);
    private static readonly Vector3 Coronal = new(0, -1, 0);

    private static SeriesSummary Series(string description, int count, double? thickness = 1.25, Vector3? normal = null,
        string[]? imageType = null, string? kernel = null, string modality = "CT") => new()
        {
            SeriesInstanceUid = "1.2.3." + description.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            SeriesDescription = description,
            InstanceCount = count,
            SliceThickness = thickness,
            Normal = normal ?? Axial,
            ImageType = imageType ?? ["ORIGINAL", "PRIMARY", "AXIAL"],
            ConvolutionKernel = kernel,
            Modality = modality,
        };

    /// <summary>A RICORD-like study: the names of RICORD.md §2.</summary>
    private static List<SeriesSummary> RicordStudy() =>
    [
        Series("SCOUT", 2, thickness: null, imageType: ["ORIGINAL", "PRIMARY", "LOCALIZER"]),
        Series("smart prep", 12, thickness: 10),
        Series("COR 3X3", 120, thickness: 3, normal: Coronal, imageType: ["DERIVED", "SECONDARY", "REFORMATTED"]),
        Series("SAG 3X3", 110, thickness: 3, normal: new Vector3(1, 0, 0), imageType: ["DERIVED", "SECONDARY", "REFORMATTED"]),
        Series(".625 bone alg", 480, thickness: 0.625, kernel: "BONE"),
        Series("MIP AXIAL 10MM", 60, thickness: 10, imageType: ["DERIVED", "SECONDARY", "MIP"]),
        Series("60 keV", 300, thickness: 1.25, kernel: "STANDARD"),
        Series("ROUTINE CHEST NON-CON", 300, thickness: 1.25, kernel: "STANDARD"),
        Series("Dose Report", 1, thickness: null, modality: "SR"),
    ];

    [Fact]
    public void PicksTheAxialDiagnosticSeries()
    {
        var best = CtSeriesSelector.Pick(RicordStudy());
        Assert.Equal("ROUTINE CHEST NON-CON", best?.SeriesDescription);
    }

    [Fact]
    public void ExcludesScoutsReformatsMipsAndBolusTracking()
    {
        var ranked = CtSeriesSelector.Rank(RicordStudy());
        var excluded = ranked.Where(c => !c.Eligible).Select(c => c.Series.SeriesDescription).ToHashSet();
        Assert.Equal(["COR 3X3", "Dose Report", "MIP AXIAL 10MM", "SAG 3X3", "SCOUT", "smart prep"], excluded.Order(StringComparer.Ordinal));
        Assert.Contains(ranked.Single(c => c.Series.SeriesDescription == "SAG 3X3").Reasons, r => r.Contains("reformat", StringComparison.Ordinal));
    }

    [Fact]
    public void BoneKernelAndMonoenergeticRankBelowTheStandardRecon()
    {
        var ranked = CtSeriesSelector.Rank(RicordStudy()).Where(c => c.Eligible).Select(c => c.Series.SeriesDescription).ToList();
        Assert.Equal(["ROUTINE CHEST NON-CON", "60 keV", ".625 bone alg"], ranked);
    }

    [Fact]
    public void ThinnerSlicesWinWithinTheRange()
    {
        var thin = Series("CHEST 1.25", 280, thickness: 1.25, kernel: "LUNG");
        var thick = Series("CHEST 5", 70, thickness: 5, kernel: "LUNG");
        var tooThin = Series("CHEST 0.5", 700, thickness: 0.5, kernel: "LUNG");
        Assert.Equal("CHEST 1.25", CtSeriesSelector.Pick([thick, thin])?.SeriesDescription);
        Assert.Equal("CHEST 1.25", CtSeriesSelector.Pick([tooThin, thin, thick])?.SeriesDescription);
    }

    [Fact]
    public void NoEligibleSeriesGivesNull()
    {
        Assert.Null(CtSeriesSelector.Pick([Series("SCOUT", 2, imageType: ["ORIGINAL", "PRIMARY", "LOCALIZER"])]));
    }

    [Fact]
    public void SummaryComesFromInstances()
    {
        var instances = SyntheticCtSeries.Axial(count: 3);
        instances[0].SetString(new DicomTag(0x0008, 0x103E), DicomVR.LO, "ROUTINE CHEST");
        instances[0].SetStrings(new DicomTag(0x0008, 0x0008), DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        var summary = SeriesSummary.FromInstances(instances);
        Assert.Equal(SyntheticCtSeries.SeriesUid, summary.SeriesInstanceUid);
        Assert.Equal(3, summary.InstanceCount);
        Assert.Equal(new Vector3(0, 0, 1), summary.Normal);
        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], summary.ImageType);
        Assert.Equal("CT", summary.Modality);
    }
}
