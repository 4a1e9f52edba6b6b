using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

/// <summary>The residual-identifier scan: identifiers the patient and study are known by, found wherever the rules kept a value.</summary>
public sealed class ResidualScanTests
{
    [Fact]
    public void Patient_name_in_a_kept_attribute_is_removed_and_counted()
    {
        // Manufacturer is on the keep list; a name planted there survives the rules, the scan finds it.
        var ds = Build();
        ds.SetString(T(0x00080070), DicomVR.LO, "ZQXWALSH IMAGING");
        var (bytes, result, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.False(DeidTestSupport.ContainsText(bytes, "ZQXWALSH"));
        Assert.Null(output[T(0x00080070)]);
        Assert.Equal(1, result.Findings.ResidualHits.GetValueOrDefault("Manufacturer"));
    }

    [Fact]
    public void Mrn_in_a_numeric_field_at_depth_3_is_removed()
    {
        var inner = new DicomDataset().SetString(T(0x00200013), DicomVR.IS, "7730041");
        var ds = Build(mrn: "7730041");
        ds.SetSequence(T(0x00081115), new DicomDataset().SetSequence(T(0x00081140), new DicomDataset().SetSequence(T(0x00089124), inner)));
        var (_, result, _) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.Contains(result.Findings.ResidualHits.Keys, k => k.EndsWith("/InstanceNumber", StringComparison.Ordinal));
    }

    [Fact]
    public void Institution_seen_in_one_instance_is_found_in_another_of_the_study()
    {
        var engine = new Deidentifier();
        var context = DeidTestSupport.Context();
        var first = Build(1);
        first.SetString(T(0x00080080), DicomVR.LO, "ZORGVLIET INSTITUTE");
        engine.Apply(first, context);

        var second = Build(2);
        second.Remove(T(0x00080080));
        second.SetString(T(0x00181210), DicomVR.SH, "ZORGVLIET");
        var result = engine.Apply(second, context);

        Assert.Null(second[T(0x00181210)]);
        Assert.Equal(1, result.Findings.ResidualHits.GetValueOrDefault("ConvolutionKernel"));
    }

    [Fact]
    public void Identifier_in_an_encapsulated_document_kept_by_the_profile_needs_review()
    {
        // Table E.1-1 dummies Encapsulated Document; a site that keeps its reports (override K) gets the instance held for review.
        var profile = DeidProfile.Ricord with { Overrides = new Dictionary<string, string> { ["(0042,0011)"] = "K" } };
        var ds = Build();
        ds.SetBytes(T(0x00420011), DicomVR.OB, System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 Patient: Walsh MRN7730041 "));
        var result = new Deidentifier(profile).Apply(ds, DeidTestSupport.Context());

        Assert.True(result.NeedsReview);
        Assert.Contains("EncapsulatedDocument", result.ReviewReason, StringComparison.Ordinal);
        Assert.DoesNotContain("7730041", result.ReviewReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_instance_has_no_hits()
    {
        var result = new Deidentifier().Apply(Build(), DeidTestSupport.Context());
        Assert.Empty(result.Findings.ResidualHits);
        Assert.Null(result.Findings.UncleanableHit);
    }

    [Fact]
    public void Published_data_keeps_its_identity_and_loses_surviving_identifiers()
    {
        var ds = Build();
        ds.SetString(T(0x00100010), DicomVR.PN, "419639-000082");
        ds.SetString(T(0x00100020), DicomVR.LO, "419639-000082");
        ds.SetString(T(0x00321032), DicomVR.PN, "KORVALD^PIETER"); // Requesting Physician survived the publisher
        ds.SetString(T(0x00204000), DicomVR.LT, "seen by Korvald");
        var findings = new Deidentifier().ScanPublished(ds);

        Assert.Equal("419639-000082", ds.GetString(T(0x00100020)));
        Assert.Equal("419639-000082", ds.GetString(T(0x00100010)));
        Assert.Equal(StudyUid, ds.GetString(T(0x0020000D)));
        Assert.Equal("20200314", ds.GetString(T(0x00080020)));
        Assert.Null(ds[T(0x00321032)]);
        Assert.Null(ds[T(0x00204000)]);
        Assert.True(findings.ResidualHits.ContainsKey("ImageComments"));
    }

    [Theory]
    [InlineData("Walsh, Zqx", true)]
    [InlineData("zqx^walsh", true)]
    [InlineData("MRN 773-0041", true)]
    [InlineData("1943-05-17", true)]
    [InlineData("17/05/1943", true)]
    [InlineData("tel (555) 0143 8872", true)]
    [InlineData("CHEST AXIAL 1.25MM", false)]
    [InlineData("GE MEDICAL SYSTEMS", false)]
    public void Normalised_matching(string text, bool expected)
    {
        var known = new KnownIdentifiers();
        var words = new HashSet<string>(DescriptorVocabulary.Words, StringComparer.Ordinal);
        known.AddName("ZQX^WALSH", words);
        known.AddValue("MRN7730041", words);
        known.AddValue("555-0143-8872", words);
        known.AddValue("SAINT QUILLON MEDICAL CENTER", words);
        known.AddBirthDate("19430517");

        Assert.Equal(expected, ResidualScan.HoldsText(text, known));
    }
}
