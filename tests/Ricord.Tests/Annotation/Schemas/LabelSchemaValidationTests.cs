using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Schemas;

public sealed class LabelSchemaValidationTests
{
    private static LabelDefinition L(string name, int? ordinal = null, bool exclusive = false, string color = "#112233") => new(name, null, color, ordinal, exclusive);

    private static LabelGroup Choice(string name, params LabelDefinition[] labels) => new(name, null, LabelScope.Study, LabelMode.SingleChoice, labels);

    private static LabelSchema S(params LabelGroup[] groups) => new("test", 1, null, groups);

    private static string One(LabelSchema schema)
    {
        var errors = LabelSchemaValidator.Validate(schema);
        return Assert.Single(errors);
    }

    [Fact]
    public void A_minimal_schema_is_valid()
    {
        Assert.Empty(LabelSchemaValidator.Validate(S(Choice("Q", L("Yes"), L("No")))));
    }

    [Fact]
    public void Duplicate_names_after_normalisation_are_errors_naming_both()
    {
        string e = One(S(Choice("Q", L("Mild Opacities  (1-2 lung zones)"), L("mild opacities (1-2 lung zones)"))));
        Assert.Contains("group 'Q', label 'mild opacities (1-2 lung zones)'", e, StringComparison.Ordinal);
        Assert.Contains("Q/Mild Opacities  (1-2 lung zones)", e, StringComparison.Ordinal);

        // Label names are unique across groups (MD.ai exports name labels, not question groups).
        Assert.Contains("duplicates label 'A/Other'", One(S(Choice("A", L("Other")), Choice("B", L("OTHER")))), StringComparison.Ordinal);
        Assert.Contains("group 'a ': name duplicates group 'A'", One(S(Choice("A", L("x")), Choice("a ", L("y")))), StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinal_groups_need_distinct_ordinals_and_single_choice()
    {
        var g = Choice("Grade", L("Mild", 1), L("Moderate", 1), L("Invalid", exclusive: true)) with { Ordinal = true };
        Assert.Contains("group 'Grade', label 'Moderate': ordinal 1 is also given to 'Mild'", One(S(g)), StringComparison.Ordinal);
        Assert.Contains("label 'Moderate': ordinal is missing", One(S(g with { Labels = [L("Mild", 1), L("Moderate")] })), StringComparison.Ordinal);
        Assert.Contains("ordinal group must have mode singleChoice", One(S(g with { Mode = LabelMode.MultipleChoice, Labels = [L("Mild", 1)] })), StringComparison.Ordinal);
        Assert.Contains("label 'Mild': ordinal is set but the group is not ordinal", One(S(Choice("Q", L("Mild", 1)))), StringComparison.Ordinal);
    }

    [Fact]
    public void Drawing_modes_need_instance_scope_and_cannot_be_exclusive_or_required()
    {
        var seg = new LabelGroup("Seg", null, LabelScope.Study, LabelMode.Freeform, [L("Opacity")]);
        Assert.Contains("group 'Seg': mode freeform draws on images and needs scope INSTANCE, not STUDY", One(S(seg)), StringComparison.Ordinal);
        var instance = seg with { Scope = LabelScope.Instance };
        Assert.Empty(LabelSchemaValidator.Validate(S(instance)));
        Assert.Contains("exclusive is only allowed", One(S(instance with { Labels = [L("Opacity", exclusive: true)] })), StringComparison.Ordinal);
        Assert.Contains("required is only allowed", One(S(instance with { Required = true })), StringComparison.Ordinal);
    }

    [Fact]
    public void Colours_must_be_rrggbb()
    {
        Assert.Contains("group 'Q', label 'Yes': color 'red' is not #RRGGBB", One(S(Choice("Q", L("Yes", color: "red")))), StringComparison.Ordinal);
        Assert.Single(LabelSchemaValidator.Validate(S(Choice("Q", L("Yes", color: "#12345")))));
        Assert.Empty(LabelSchemaValidator.Validate(S(Choice("Q", L("Yes", color: "#abcDEF")))));
    }

    [Fact]
    public void Conditions_must_name_a_single_choice_group_and_its_labels()
    {
        var appearance = Choice("Appearance", L("Negative"), L("Typical"));
        var grade = Choice("Grade", L("Mild")) with { NotApplicableWhen = new LabelCondition("Appearance", ["Negative"]) };
        Assert.Empty(LabelSchemaValidator.Validate(S(appearance, grade)));
        Assert.Contains("group 'Grade', notApplicableWhen: group 'Look' does not exist",
            One(S(appearance, grade with { NotApplicableWhen = new LabelCondition("Look", ["Negative"]) })), StringComparison.Ordinal);
        Assert.Contains("label 'Negativ' is not in group 'Appearance'",
            One(S(appearance, grade with { NotApplicableWhen = new LabelCondition("Appearance", ["Negativ"]) })), StringComparison.Ordinal);
        var loop = LabelSchemaValidator.Validate(S(appearance with { NotApplicableWhen = new LabelCondition("Grade", ["Mild"]) }, grade));
        Assert.Contains(loop, e => e.Contains("loops", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_name_version_and_groups_are_checked()
    {
        var errors = LabelSchemaValidator.Validate(new LabelSchema("has space", 0, null, []));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("version is 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("may only contain", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("groups are missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_errors_name_the_problem()
    {
        var ex = Assert.Throws<LabelSchemaException>(() => LabelSchemaJson.Parse("""{ "name": "x", "version": 1, "groups": [ { "name": "Q", "scope": "STUDY", "mode": "singleChoice", "requried": true, "labels": [] } ] }"""));
        Assert.Contains("requried", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<LabelSchemaException>(() => LabelSchemaJson.Parse("""{ "name": "x", "version": 1, "groups": [ { "name": "Q", "scope": "EVERYWHERE", "mode": "singleChoice", "labels": [] } ] }"""));
        Assert.Contains("$.groups[0].scope", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<LabelSchemaException>(() => LabelSchemaJson.Parse("""{ "name": "x", "version": 1, "groups": [ { "name": "Q", "scope": "STUDY", "mode": "singleChoice", "labels": [ { "name": "A" } ] } ] }"""));
        Assert.Equal(["group 'Q', label 'A': color '' is not #RRGGBB"], ex.Errors);

        Assert.Throws<LabelSchemaException>(() => LabelSchemaJson.Parse("{ not json"));
        Assert.Throws<LabelSchemaException>(() => LabelSchemaJson.Parse("null"));
    }

    [Fact]
    public void Json_accepts_comments_and_defaults_optional_fields()
    {
        var s = LabelSchemaJson.Parse("""
            // a curator's note
            { "name": "yes-no", "version": 2, "groups": [ { "name": "Q", "scope": "study", "mode": "singleChoice", "labels": [ { "name": "Yes", "color": "#00FF00" } ] } ] }
            """);
        Assert.Equal(2, s.Version);
        Assert.False(s.Groups[0].Required);
        Assert.Null(s.Groups[0].NotApplicableWhen);
        Assert.Null(s.Groups[0].Labels[0].Ordinal);
    }
}
