using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Schemas;

public sealed class BuiltinSchemaTests
{
    [Fact]
    public void Builtins_are_valid_and_listed()
    {
        Assert.Equal(["ricord-ct", "ricord-cxr"], BuiltinSchemas.Names);
        foreach (var name in BuiltinSchemas.Names)
        {
            var schema = BuiltinSchemas.Get(name)!;
            Assert.Empty(LabelSchemaValidator.Validate(schema));
            Assert.Equal(name, schema.Name);
            Assert.Equal(1, schema.Version);
        }

        Assert.Null(BuiltinSchemas.Get("ricord-mri"));
    }

    [Fact]
    public void Cxr_uses_the_exact_published_strings()
    {
        var cxr = BuiltinSchemas.Cxr;
        var appearance = Group(cxr, "Appearance");
        Assert.Equal(["Typical Appearance", "Indeterminate Appearance", "Atypical Appearance", "Negative for Pneumonia"], appearance.Labels.Select(l => l.Name));
        Assert.True(appearance.Required);
        Assert.Equal(LabelMode.SingleChoice, appearance.Mode);
        Assert.Equal(LabelScope.Study, appearance.Scope);

        var grade = Group(cxr, "Airspace Disease Grading");
        Assert.Equal(["Mild Opacities  (1-2 lung zones)", "Moderate Opacities (3-4 lung zones)", "Severe Opacities (>4 lung zones)", "Invalid Study"], grade.Labels.Select(l => l.Name));
        Assert.Contains("Opacities  (", grade.Labels[0].Name, StringComparison.Ordinal); // two spaces, not one
        Assert.True(grade.Ordinal);
        Assert.Equal([1, 2, 3, null], grade.Labels.Select(l => l.Ordinal));
        Assert.True(grade.Labels[3].Exclusive);
        Assert.Equal(1, grade.Labels.Count(l => l.Exclusive));
        Assert.Equal("Appearance", grade.NotApplicableWhen!.Group);
        Assert.Equal(["Negative for Pneumonia"], grade.NotApplicableWhen.Labels);

        // The shipped text itself spells the double space and '>' unescaped.
        string json = BuiltinSchemas.Json("ricord-cxr")!;
        Assert.Contains("\"Mild Opacities  (1-2 lung zones)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Severe Opacities (>4 lung zones)\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ct_uses_the_exact_published_strings()
    {
        var ct = BuiltinSchemas.Ct;
        var seg = Group(ct, "Segmentation");
        Assert.Equal(["Infectious opacity", "Infectious TIB/micronodules", "Atelectasis", "Other noninfectious opacity", "Noninfectious nodule/mass", "Infectious cavity"], seg.Labels.Select(l => l.Name));
        Assert.Equal(LabelMode.Freeform, seg.Mode);
        Assert.Equal(LabelScope.Instance, seg.Scope);

        var appearance = Group(ct, "Appearance");
        Assert.Equal(["Typical", "Indeterminate", "Atypical", "Negative for pneumonia"], appearance.Labels.Select(l => l.Name));
        Assert.True(appearance.Required);

        var study = ct.Groups.Where(g => g.Scope == LabelScope.Study).SelectMany(g => g.Labels).Select(l => l.Name).ToList();
        foreach (var name in new[] { "Infectious lung disease", "Effusion", "Lymphadenopathy", "Emphysema" })
        {
            Assert.Contains(name, study);
        }

        Assert.Contains(study, n => n.Contains("nadequate", StringComparison.Ordinal));

        // Unconfirmed strings say so.
        Assert.Contains("unconfirmed", Group(ct, "Findings").Description!, StringComparison.Ordinal);
        Assert.Contains("unconfirmed", Group(ct, "Study Quality").Description!, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_match_case_folded_but_output_keeps_each_schemas_spelling()
    {
        // CT spells "pneumonia" lower case, the radiographs "Pneumonia": matching folds case, output never does.
        Assert.Equal("Negative for Pneumonia", new LabelSchemaIndex(BuiltinSchemas.Cxr).FindLabel("Appearance", "negative for pneumonia")!.Name);
        Assert.Equal("Negative for pneumonia", new LabelSchemaIndex(BuiltinSchemas.Ct).FindLabel("Appearance", "Negative for Pneumonia")!.Name);
        Assert.Null(new LabelSchemaIndex(BuiltinSchemas.Cxr).FindLabel("Typical"));
    }

    [Fact]
    public void Json_round_trips_and_writes_scopes_and_modes_as_documented()
    {
        foreach (var name in BuiltinSchemas.Names)
        {
            var schema = BuiltinSchemas.Get(name)!;
            string once = LabelSchemaJson.Serialize(schema);
            string twice = LabelSchemaJson.Serialize(LabelSchemaJson.Parse(once));
            Assert.Equal(once, twice);
            Assert.Contains("\"scope\": \"STUDY\"", once, StringComparison.Ordinal);
            Assert.Contains("\"mode\": \"singleChoice\"", once, StringComparison.Ordinal);
        }

        Assert.Contains("\"mode\": \"freeform\"", LabelSchemaJson.Serialize(BuiltinSchemas.Ct), StringComparison.Ordinal);
        Assert.Contains("\"scope\": \"INSTANCE\"", LabelSchemaJson.Serialize(BuiltinSchemas.Ct), StringComparison.Ordinal);
        Assert.Contains("\"Mild Opacities  (1-2 lung zones)\"", LabelSchemaJson.Serialize(BuiltinSchemas.Cxr), StringComparison.Ordinal);
    }

    [Fact]
    public void Label_names_match_after_normalisation_and_keep_their_raw_spelling()
    {
        var index = new LabelSchemaIndex(BuiltinSchemas.Cxr);
        var found = index.FindLabel("mild opacities (1-2 LUNG zones)");
        Assert.NotNull(found);
        Assert.Equal("Mild Opacities  (1-2 lung zones)", found.Value.Label.Name);
        Assert.Equal("Airspace Disease Grading", found.Value.Group.Name);
    }

    internal static LabelGroup Group(LabelSchema schema, string name) => schema.Groups.Single(g => g.Name == name);
}
