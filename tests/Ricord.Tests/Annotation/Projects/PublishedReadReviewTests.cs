using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>A published read is kept whole: conflicts and out-of-scope labels are flagged and left out of the copy the
/// validator sees, which then passes; a read the schema cannot hold at all (an unknown label) is still refused.</summary>
public sealed class PublishedReadReviewTests
{
    private const string Appearance = "Appearance";
    private const string Grade = "Airspace Disease Grading";
    private static readonly LabelSchema Cxr = BuiltinSchemas.Cxr;
    private static readonly ReadValidator Validator = new();

    [Fact]
    public void Conflicts_and_out_of_scope_labels_are_flagged_and_the_rest_validates()
    {
        var conflict = new ReadContent([new(Appearance, "Typical Appearance"), new(Appearance, "Atypical Appearance"), new(Grade, "Mild Opacities  (1-2 lung zones)")], []);
        var negativeGraded = new ReadContent([new(Appearance, "Negative for Pneumonia"), new(Grade, "Moderate Opacities (3-4 lung zones)")], []);
        var invalidWithAppearance = new ReadContent([new(Grade, "Invalid Study"), new(Appearance, "Typical Appearance")], []);
        foreach (var (read, flag, kept) in new[]
        {
            (conflict, "conflicting labels in single-choice group 'Appearance' ('Typical Appearance', 'Atypical Appearance')", 1),
            (negativeGraded, "out of scope: 'Moderate Opacities (3-4 lung zones)' (group 'Airspace Disease Grading') on a read whose 'Appearance' is 'Negative for Pneumonia'", 1),
            (invalidWithAppearance, "out of scope: 'Typical Appearance' beside exclusive 'Invalid Study'", 1),
        })
        {
            Assert.NotEmpty(Validator.Validate(Cxr, read, submitting: false).Concat(Validator.Validate(Cxr, read, submitting: true)));
            var (checkedRead, flags) = PublishedReadReview.Review(Cxr, read);
            Assert.StartsWith(flag, Assert.Single(flags), StringComparison.Ordinal);
            Assert.Equal(kept, checkedRead.Labels.Count);
            Assert.Empty(Validator.Validate(Cxr, checkedRead, submitting: false));
        }
    }

    [Fact]
    public void A_clean_read_is_unchanged_and_an_unknown_label_is_still_an_error()
    {
        var clean = new ReadContent([new(Appearance, "Typical Appearance"), new(Grade, "Mild Opacities  (1-2 lung zones)")], []);
        var (same, flags) = PublishedReadReview.Review(Cxr, clean);
        Assert.Same(clean, same);
        Assert.Empty(flags);

        var unknown = new ReadContent([new(Appearance, "Purple")], []);
        Assert.NotEmpty(Validator.Validate(Cxr, PublishedReadReview.Review(Cxr, unknown).Checked, submitting: false));
    }
}
