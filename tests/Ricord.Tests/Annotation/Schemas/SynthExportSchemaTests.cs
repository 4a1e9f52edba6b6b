using Ricord.Annotation.Schemas;
using Ricord.Tests.Synth;

namespace Ricord.Tests.Annotation.Schemas;

/// <summary>The synthetic MD.ai exports (`ricord synth`) use the built-in schemas' labels and every read validates.</summary>
[Collection(SynthCollection.Name)]
public sealed class SynthExportSchemaTests(SynthFixture fixture)
{
    [Theory]
    [InlineData("cxr-mdai.json", BuiltinSchemas.RicordCxr)]
    [InlineData("ct-mdai.json", BuiltinSchemas.RicordCt)]
    public void Every_export_label_is_in_the_builtin_with_its_scope_and_mode(string file, string schemaName)
    {
        var schema = BuiltinSchemas.Get(schemaName)!;
        var index = new LabelSchemaIndex(schema);
        foreach (var (name, scope, mode) in MdaiTestReads.LabelDefinitions(Path.Combine(fixture.Out, "annotations", file)))
        {
            var found = index.FindLabel(name);
            Assert.True(found is not null, $"'{name}' is not in {schemaName}");
            Assert.Equal(name, found.Value.Label.Name); // exact string, not only a normalised match
            Assert.Equal(scope, LabelSchemaJson.ScopeName(found.Value.Group.Scope));
            Assert.Equal(mode, found.Value.Group.Mode.IsDrawing() ? LabelSchemaJson.ModeName(found.Value.Group.Mode) : null);
        }
    }

    [Theory]
    [InlineData("cxr-mdai.json", BuiltinSchemas.RicordCxr)]
    [InlineData("ct-mdai.json", BuiltinSchemas.RicordCt)]
    public void Every_synthetic_read_validates_as_submitted(string file, string schemaName)
    {
        var schema = BuiltinSchemas.Get(schemaName)!;
        var validator = new ReadValidator();
        int reads = 0;
        foreach (var (study, byGroup) in MdaiTestReads.Load(Path.Combine(fixture.Out, "annotations", file), schema))
        {
            foreach (var (group, read) in byGroup)
            {
                var errors = validator.Validate(schema, read, submitting: true);
                Assert.True(errors.Count == 0, $"{study} {group}: {string.Join("; ", errors)}");
                reads++;
            }
        }

        Assert.True(reads >= 2, $"{reads} reads");
    }
}
