using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Schemas;

public sealed class ReadValidatorTests
{
    private const string Series = "1.2.3.4";
    private const string Sop = "1.2.3.4.5";
    private static readonly ReadValidator Validator = new();

    private static IReadOnlyList<string> Cxr(bool submitting, params ReadLabel[] labels) => Validator.Validate(BuiltinSchemas.Cxr, new ReadContent(labels, []), submitting);

    private static IReadOnlyList<string> Ct(params ReadShape[] shapes) => Validator.Validate(BuiltinSchemas.Ct, new ReadContent([new ReadLabel("Appearance", "Typical")], shapes), true);

    private static ReadShape Poly(params double[] points) => new("Segmentation", "Infectious opacity", Series, Sop, 0, 16, 16, ShapeKind.Polygon, points);

    [Fact]
    public void A_complete_radiograph_read_is_valid_with_names_matched_after_normalisation()
    {
        Assert.Empty(Cxr(true, new ReadLabel("Appearance", "Typical Appearance"), new ReadLabel("Airspace Disease Grading", "Mild Opacities  (1-2 lung zones)")));
        Assert.Empty(Cxr(true, new ReadLabel("appearance", "typical  appearance"), new ReadLabel("AIRSPACE DISEASE GRADING", "Mild Opacities (1-2 lung zones)")));
        Assert.Empty(Cxr(true, new ReadLabel("Appearance", "Negative for Pneumonia")));
    }

    [Fact]
    public void Unknown_groups_and_labels_are_named()
    {
        var e = Assert.Single(Cxr(false, new ReadLabel("Appearance", "Typical")));
        Assert.Contains("label #1 'Typical' (group 'Appearance'): label 'Typical' is not in group 'Appearance'", e, StringComparison.Ordinal);
        Assert.Contains("'Typical Appearance'", e, StringComparison.Ordinal);
        e = Assert.Single(Cxr(false, new ReadLabel("Grade", "Mild Opacities  (1-2 lung zones)")));
        Assert.Contains("group 'Grade' is not in schema 'ricord-cxr'", e, StringComparison.Ordinal);
    }

    [Fact]
    public void Scope_decides_which_uids_a_label_carries()
    {
        var e = Assert.Single(Cxr(false, new ReadLabel("Appearance", "Typical Appearance", Series, Sop)));
        Assert.Contains("a STUDY label must not name a series or instance", e, StringComparison.Ordinal);
        var ct = BuiltinSchemas.Ct;
        Assert.Empty(Validator.Validate(ct, new ReadContent([new ReadLabel("Segmentation", "Atelectasis", Series, Sop)], []), false));
        e = Assert.Single(Validator.Validate(ct, new ReadContent([new ReadLabel("Segmentation", "Atelectasis", Series)], []), false));
        Assert.Contains("an INSTANCE label needs SeriesInstanceUid and SopInstanceUid", e, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_choice_allows_one_label_and_required_groups_are_checked_on_submit_only()
    {
        var e = Assert.Single(Cxr(false, new ReadLabel("Appearance", "Typical Appearance"), new ReadLabel("Appearance", "Atypical Appearance")));
        Assert.Contains("group 'Appearance': single choice, but the read gives 2 labels for the study: 'Typical Appearance', 'Atypical Appearance'", e, StringComparison.Ordinal);
        Assert.Empty(Cxr(false));
        e = Assert.Single(Cxr(true, new ReadLabel("Airspace Disease Grading", "Severe Opacities (>4 lung zones)")));
        Assert.Contains("group 'Appearance': required; choose one of 'Typical Appearance'", e, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Single(Cxr(false, new ReadLabel("Appearance", "Typical Appearance"), new ReadLabel("Appearance", "typical appearance"))), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exclusive_label_stands_alone_and_answers_required_groups()
    {
        Assert.Empty(Cxr(true, new ReadLabel("Airspace Disease Grading", "Invalid Study")));
        var e = Assert.Single(Cxr(false, new ReadLabel("Airspace Disease Grading", "Invalid Study"), new ReadLabel("Appearance", "Typical Appearance")));
        Assert.Contains("group 'Airspace Disease Grading', label 'Invalid Study': exclusive, so it stands alone for the study, but the read also gives 'Typical Appearance' (group 'Appearance')", e, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grade_on_a_negative_read_is_refused_on_submit()
    {
        var labels = new[] { new ReadLabel("Appearance", "Negative for Pneumonia"), new ReadLabel("Airspace Disease Grading", "Mild Opacities  (1-2 lung zones)") };
        Assert.Empty(Cxr(false, labels));
        var e = Assert.Single(Cxr(true, labels));
        Assert.Contains("group 'Airspace Disease Grading': does not apply when group 'Appearance' is 'Negative for Pneumonia'", e, StringComparison.Ordinal);
    }

    [Fact]
    public void Shapes_need_a_drawing_group_of_the_right_mode()
    {
        Assert.Empty(Ct(Poly(1, 1, 5, 1, 5, 5)));
        var e = Assert.Single(Validator.Validate(BuiltinSchemas.Ct, new ReadContent([], [Poly(1, 1, 5, 1, 5, 5) with { Group = "Appearance", Label = "Typical" }]), false));
        Assert.Contains("shape #1 'Typical' (group 'Appearance'): group 'Appearance' is singleChoice; it takes labels, not shapes", e, StringComparison.Ordinal);
        e = Assert.Single(Ct(new ReadShape("Segmentation", "Atelectasis", Series, Sop, 0, 16, 16, ShapeKind.BoundingBox, [1, 1, 3, 3])));
        Assert.Contains("Kind BoundingBox does not fit the group's mode freeform", e, StringComparison.Ordinal);
        Assert.Empty(Ct(new ReadShape("Segmentation", "Atelectasis", Series, Sop, 0, 16, 16, ShapeKind.Mask, Runs: [0, 3, 16, 3])));
    }

    [Fact]
    public void Polygon_geometry_is_checked()
    {
        Assert.Contains("at least 3 (x, y) pairs (got 4 values)", Assert.Single(Ct(Poly(1, 1, 5, 5))), StringComparison.Ordinal);
        Assert.Contains("at least 3 (x, y) pairs (got 7 values)", Assert.Single(Ct(Poly(1, 1, 5, 5, 6, 6, 7))), StringComparison.Ordinal);
        Assert.Contains("Points[3] is not a finite number", Assert.Single(Ct(Poly(1, 1, 5, double.NaN, 5, 5))), StringComparison.Ordinal);
        Assert.Contains("Rows and Columns must be positive", Assert.Single(Ct(Poly(1, 1, 5, 1, 5, 5) with { Rows = 0 })), StringComparison.Ordinal);
        Assert.Contains("SopInstanceUid are required", Assert.Single(Ct(Poly(1, 1, 5, 1, 5, 5) with { SopInstanceUid = "" })), StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_runs_ascend_inside_the_image()
    {
        static ReadShape Mask(params int[] runs) => new("Segmentation", "Atelectasis", Series, Sop, 0, 4, 4, ShapeKind.Mask, Runs: runs);
        Assert.Empty(Ct(Mask(0, 4, 12, 4)));
        Assert.Contains("Runs[2]: start 2 is before the end of the previous run (4)", Assert.Single(Ct(Mask(0, 4, 2, 1))), StringComparison.Ordinal);
        Assert.Contains("Runs[2]: the run 14+3 ends past the image (rows × columns = 16)", Assert.Single(Ct(Mask(0, 1, 14, 3))), StringComparison.Ordinal);
        Assert.Contains("Runs[1]: length 0 must be positive", Assert.Single(Ct(Mask(0, 0))), StringComparison.Ordinal);
        Assert.Contains("start, length pairs", Assert.Single(Ct(Mask(0, 1, 5))), StringComparison.Ordinal);
    }

    [Fact]
    public void Boxes_need_a_positive_size()
    {
        var schema = new LabelSchema("boxes", 1, null, [new LabelGroup("Opacity", null, LabelScope.Instance, LabelMode.BoundingBox, [new LabelDefinition("Opacity", null, "#FF0000")])]);
        ReadShape Box(params double[] p) => new("Opacity", "Opacity", Series, Sop, 0, 16, 16, ShapeKind.BoundingBox, p);
        Assert.Empty(Validator.Validate(schema, new ReadContent([], [Box(1, 1, 3, 4)]), true));
        Assert.Contains("width and height must be positive", Assert.Single(Validator.Validate(schema, new ReadContent([], [Box(1, 1, 0, 4)]), true)), StringComparison.Ordinal);
        Assert.Contains("x, y, width, height", Assert.Single(Validator.Validate(schema, new ReadContent([], [Box(1, 1, 3)]), true)), StringComparison.Ordinal);
    }
}
