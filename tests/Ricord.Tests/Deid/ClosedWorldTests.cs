using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

/// <summary>
/// One planted value per leak class of the closed-world rule, each at depth 3 (inside a sequence inside a
/// sequence inside a sequence): the value must be in no written byte, and the class's report must name it.
/// </summary>
public sealed class ClosedWorldTests
{
    private static readonly DicomTag RequestAttributesSequence = T(0x00400275);
    private static readonly DicomTag ReferencedStudySequence = T(0x00400440); // Protocol Context Sequence: not in Table E.1-1
    private static readonly DicomTag ScheduledProtocolCodeSequence = T(0x00400008);

    /// <summary>A data set whose item at depth 3 is filled by <paramref name="fill"/>.</summary>
    private static DicomDataset AtDepth3(Action<DicomDataset> fill, DicomTag? outer = null)
    {
        var inner = new DicomDataset();
        fill(inner);
        var middle = new DicomDataset().SetSequence(ScheduledProtocolCodeSequence, inner);
        var top = new DicomDataset().SetSequence(ReferencedStudySequence, middle);
        var ds = Build();
        ds.SetSequence(outer ?? RequestAttributesSequence, top);
        return ds;
    }

    [Fact]
    public void Binary_value_under_clean_is_removed_and_reported()
    {
        // Maker Note (0016,002B) is C under Clean Descriptors; OB cannot be read as text.
        var ds = AtDepth3(i => i.SetBytes(T(0x0016002B), DicomVR.OB, System.Text.Encoding.ASCII.GetBytes("MAKERPHI77 CAMERA OWNER ")));
        var (bytes, result, _) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.False(DeidTestSupport.ContainsText(bytes, "MAKERPHI77"));
        Assert.Contains(result.Findings.BinaryRemoved.Keys, k => k.EndsWith("/MakerNote", StringComparison.Ordinal) && k.Contains("ProtocolContextSequence", StringComparison.Ordinal));
    }

    [Fact]
    public void Unlisted_text_inside_a_retained_sequence_is_cleaned()
    {
        // LUT Explanation (0028,3003) is not in Table E.1-1: kept before the closed world.
        var ds = AtDepth3(i => i.SetString(T(0x00283003), DicomVR.LO, "LUNG WINDOW FOR UNLISTEDPHI DE VRIES"));
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.False(DeidTestSupport.ContainsText(bytes, "UNLISTEDPHI"));
        Assert.False(DeidTestSupport.ContainsText(bytes, "VRIES"));
        var inner = output.GetSequence(RequestAttributesSequence)[0].GetSequence(ReferencedStudySequence)[0].GetSequence(ScheduledProtocolCodeSequence)[0];
        Assert.Equal("LUNG WINDOW FOR", inner.GetString(T(0x00283003)));
    }

    [Fact]
    public void Unlisted_text_is_removed_when_clean_descriptors_is_off()
    {
        var profile = DeidProfile.Ricord with { Options = [DeidOption.RetainLongitudinalModifiedDates] };
        // Request Attributes Sequence is X without Clean Descriptors: an unlisted sequence carries the value instead.
        var ds = AtDepth3(i => i.SetString(T(0x00283003), DicomVR.LO, "LUNG UNLISTEDPHI"), outer: T(0x00082218));
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context(), new Deidentifier(profile));

        Assert.False(DeidTestSupport.ContainsText(bytes, "UNLISTEDPHI"));
        var inner = output.GetSequence(T(0x00082218))[0].GetSequence(ReferencedStudySequence)[0].GetSequence(ScheduledProtocolCodeSequence)[0];
        Assert.Null(inner[T(0x00283003)]);
    }

    [Fact]
    public void Local_code_meanings_and_values_are_cleaned_public_codes_kept()
    {
        var ds = AtDepth3(i => i
            .SetString(T(0x00080100), DicomVR.SH, "EMP448812")
            .SetString(T(0x00080102), DicomVR.SH, "99STQUILLON")
            .SetString(T(0x00080104), DicomVR.LO, "CT CHEST ORDERED BY CODEPHI KORVAL"));
        ds.SetSequence(T(0x00081032), new DicomDataset()
            .SetString(T(0x00080100), DicomVR.SH, "51185008")
            .SetString(T(0x00080102), DicomVR.SH, "SCT")
            .SetString(T(0x00080104), DicomVR.LO, "Chest"));
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        foreach (var planted in new[] { "EMP448812", "STQUILLON", "CODEPHI", "KORVAL" })
        {
            Assert.False(DeidTestSupport.ContainsText(bytes, planted), planted);
        }

        var code = output.GetSequence(T(0x00081032))[0];
        Assert.Equal(("51185008", "SCT", "Chest"), (code.GetString(T(0x00080100)), code.GetString(T(0x00080102)), code.GetString(T(0x00080104))));
        var local = output.GetSequence(RequestAttributesSequence)[0].GetSequence(ReferencedStudySequence)[0].GetSequence(ScheduledProtocolCodeSequence)[0];
        Assert.Equal(CodedConceptsScheme, local.GetString(T(0x00080102)));
    }

    private const string CodedConceptsScheme = "99LOCAL";

    [Fact]
    public void X_D_sequence_keeps_no_nested_employee_number()
    {
        // Operator Identification Sequence (0008,1072) is X/D → D: its items are processed, and the nested Person
        // Identification Code Sequence holds an employee number in a local scheme.
        var person = new DicomDataset()
            .SetString(T(0x00080100), DicomVR.SH, "EMPNO55120")
            .SetString(T(0x00080102), DicomVR.SH, "L")
            .SetString(T(0x00080104), DicomVR.LO, "EMPLOYEE OPSURNAME");
        var operatorItem = new DicomDataset()
            .SetSequence(T(0x00401101), person)
            .SetString(T(0x00080080), DicomVR.LO, "OPINSTITUTE")
            .SetString(T(0x00401103), DicomVR.LO, "555 0199 7731");
        var ds = Build();
        ds.SetSequence(T(0x00400260), new DicomDataset().SetSequence(T(0x00081072), operatorItem));
        var (bytes, _, _) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        foreach (var planted in new[] { "EMPNO55120", "OPSURNAME", "OPINSTITUTE", "0199 7731" })
        {
            Assert.False(DeidTestSupport.ContainsText(bytes, planted), planted);
        }
    }

    [Fact]
    public void Free_text_comments_on_procedure_steps_do_not_survive()
    {
        // Comments on the Scheduled Procedure Step (0040,0400) inside Scheduled Procedure Step Sequence, at depth 3.
        var ds = AtDepth3(i => i.SetString(T(0x00400400), DicomVR.LT, "Patient STEPCOMMENTPHI is the daughter of the mayor"),
            outer: T(0x00400275));
        var step = new DicomDataset().SetString(T(0x00400280), DicomVR.ST, "PERFORMEDSTEPPHI called at 555 0101");
        ds.SetSequence(T(0x00400340), new DicomDataset().SetSequence(T(0x00400100), step));
        var (bytes, _, _) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.False(DeidTestSupport.ContainsText(bytes, "STEPCOMMENTPHI"));
        Assert.False(DeidTestSupport.ContainsText(bytes, "PERFORMEDSTEPPHI"));
        Assert.False(DeidTestSupport.ContainsText(bytes, "mayor"));
    }

    [Fact]
    public void Icon_image_and_original_attributes_sequences_are_removed()
    {
        var icon = new DicomDataset().SetUInt16(T(0x00280010), 8).SetUInt16(T(0x00280011), 8)
            .SetBytes(T(0x7FE00010), DicomVR.OB, System.Text.Encoding.ASCII.GetBytes("ICONPHI-BURNED-NAME-ICONPHI-BURNED-NAME-ICONPHI-BURNED-NAME-1234"));
        var original = new DicomDataset().SetSequence(T(0x04000550), new DicomDataset().SetString(T(0x00100010), DicomVR.PN, "ORIGNAMEPHI"));
        var ds = Build();
        ds.SetSequence(T(0x00880200), icon);
        ds.SetSequence(T(0x04000561), original);
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.Null(output[T(0x00880200)]);
        Assert.Null(output[T(0x04000561)]);
        Assert.False(DeidTestSupport.ContainsText(bytes, "ICONPHI"));
        Assert.False(DeidTestSupport.ContainsText(bytes, "ORIGNAMEPHI"));
    }

    [Fact]
    public void Encrypted_attributes_mac_parameters_and_unlisted_exif_are_removed()
    {
        var ds = Build();
        ds.SetSequence(T(0x04000500), new DicomDataset().SetBytes(T(0x04000520), DicomVR.OB, System.Text.Encoding.ASCII.GetBytes("ENCRYPTEDPHI")));
        ds.SetSequence(T(0x4FFE0001), new DicomDataset().SetString(T(0x04000015), DicomVR.CS, "SHA256"));
        ds.SetString(T(0x00160001), DicomVR.LO, "EXIFPHI CAMERA");
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.Null(output[T(0x04000500)]);
        Assert.Null(output[T(0x4FFE0001)]);
        Assert.Null(output[T(0x00160001)]);
        Assert.False(DeidTestSupport.ContainsText(bytes, "ENCRYPTEDPHI"));
        Assert.False(DeidTestSupport.ContainsText(bytes, "EXIFPHI"));
    }

    [Theory]
    [InlineData(DicomVR.DS, "39.375", true)]
    [InlineData(DicomVR.LO, "PRIVNAMEPHI", false)]
    [InlineData(DicomVR.DS, "PRIVNAMEPHI", false)]
    [InlineData(DicomVR.UN, "PRIVNAMEPHI", false)]
    [InlineData(DicomVR.UN, "12.5", true)]
    public void Allowlisted_private_elements_keep_only_numbers(DicomVR vr, string value, bool kept)
    {
        // (0019,xx23) Table Speed in GEMS_ACQU_01 is on the RICORD allowlist as a number (DS).
        var ds = Build();
        ds.SetBytes(T(0x00191023), vr, System.Text.Encoding.ASCII.GetBytes(value.Length % 2 == 0 ? value : value + " "));
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.Equal(kept, output[T(0x00191023)] is not null);
        Assert.Equal(kept, DeidTestSupport.ContainsText(bytes, value));
    }

    [Fact]
    public void Unlisted_times_of_day_are_shifted()
    {
        // Unlisted TM: e.g. (0018,1014) Time of Secondary Capture is listed; (0040,A122) Time in an SR item is listed too;
        // (0008,0013) Instance Creation Time is listed. Exposure-control times in a private-free unlisted attribute:
        var ds = AtDepth3(i => i.SetString(T(0x00189074), DicomVR.DT, "20200314074612"));
        var (bytes, _, _) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.False(DeidTestSupport.ContainsText(bytes, "20200314074612"));
    }
}
