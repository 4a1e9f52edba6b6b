using Ricord.Clinical;

namespace Ricord.Tests.Clinical;

public sealed class ClinicalColumnRulesTests
{
    [Theory]
    [InlineData("Patient Name", "a name")]
    [InlineData("LastName", "a name")]
    [InlineData("Address", "contact details")]
    [InlineData("Phone Number", "contact details")]
    [InlineData("E-mail", "contact details")]
    [InlineData("Accession Number", "another identifier")]
    [InlineData("Other Patient ID", "another identifier")]
    [InlineData("SSN", "another identifier")]
    [InlineData("MRN", "another identifier")]
    [InlineData("Date of Birth", "a birth date")]
    [InlineData("DOB", "a birth date")]
    [InlineData("Referring Physician", "a person's name (staff)")]
    [InlineData("Hospital", "a place")]
    [InlineData("Comments", "free text")]
    [InlineData("Anon Exam Description", "free text")]
    public void Identifying_headers_drop_their_column(string header, string reason) =>
        Assert.Equal(reason, ClinicalColumnRules.IdentifyingReason(header));

    [Theory]
    [InlineData("Age")]
    [InlineData("Sex")]
    [InlineData("RT-PCR Result")]
    [InlineData("Imaging")]
    [InlineData("ICU")]
    [InlineData("Outcome")]
    [InlineData("Number of lung zones")]
    public void Clinical_headers_are_not_identifying(string header) => Assert.Null(ClinicalColumnRules.IdentifyingReason(header));

    [Theory]
    [InlineData("RT-PCR Date", new[] { "x" }, ClinicalColumnKind.Temporal)]
    [InlineData("Admitted", new[] { "03/04/2020" }, ClinicalColumnKind.Temporal)]
    [InlineData("Onset", new[] { "14:05" }, ClinicalColumnKind.Temporal)]
    [InlineData("Onset", new[] { "14-Mar-2020" }, ClinicalColumnKind.Temporal)]
    [InlineData("Anon Study UID", new[] { "1.2.3" }, ClinicalColumnKind.Uid)]
    [InlineData("StudyInstanceUID", new[] { "1.2.3" }, ClinicalColumnKind.Uid)]
    [InlineData("Result", new[] { "DETECTED" }, ClinicalColumnKind.Kept)]
    [InlineData("Home phone", new[] { "555" }, ClinicalColumnKind.Identifying)]
    public void Columns_are_classified_by_header_then_values(string header, string[] values, ClinicalColumnKind kind) =>
        Assert.Equal(kind, ClinicalColumnRules.Classify(header, values));

    [Theory]
    [InlineData("DETECTED", null)]
    [InlineData("84.84", null)]
    [InlineData("12345", null)]
    [InlineData("-3", null)]
    [InlineData("Mild Opacities  (1-2 lung zones)", null)]
    [InlineData("1234567", "looks like an identifier (long number)")]
    [InlineData("A01234567", "looks like an identifier or phone number")]
    [InlineData("ACC-2020-012345", "looks like an identifier or phone number")]
    [InlineData("+1 (555) 010-2030", "looks like an identifier or phone number")]
    [InlineData("someone@example.org", "looks like an e-mail address or a person's name")]
    [InlineData("Doe^John", "looks like an e-mail address or a person's name")]
    [InlineData("patient was seen by dr smith yesterday", "looks like free text")]
    [InlineData("see MRN9 chart", "contains the MRN")]
    public void Kept_values_that_look_identifying_are_left_out(string value, string? problem) =>
        Assert.Equal(problem, ClinicalColumnRules.ValueProblem(value, "MRN9"));

    [Fact]
    public void An_MRN_too_short_to_tell_from_a_value_does_not_empty_ordinary_values() =>
        Assert.Null(ClinicalColumnRules.ValueProblem("51", "5"));
}
