namespace Ricord.Cli.Tests.Commands;

public sealed class SchemaCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void List_names_both_builtins()
    {
        var (code, output, err) = Run("schema", "list");
        Assert.True(code == 0, err);
        Assert.Contains("ricord-ct v1", output, StringComparison.Ordinal);
        Assert.Contains("ricord-cxr v1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_quotes_labels_so_the_double_space_is_visible_and_json_is_the_shipped_text()
    {
        var (code, output, err) = Run("schema", "show", "ricord-cxr");
        Assert.True(code == 0, err);
        Assert.Contains("\"Mild Opacities  (1-2 lung zones)\" [1]", output, StringComparison.Ordinal);
        Assert.Contains("\"Invalid Study\" exclusive", output, StringComparison.Ordinal);
        Assert.Contains("Airspace Disease Grading (STUDY, singleChoice, ordinal, not applicable when Appearance is \"Negative for Pneumonia\")", output, StringComparison.Ordinal);

        (code, output, _) = Run("schema", "show", "ricord-ct", "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"mode\": \"freeform\"", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, Run("schema", "show", "ricord-mri").Code);
    }

    [Fact]
    public void Validate_lists_every_problem_and_sets_the_exit_code()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"ricord-schema-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string good = Path.Combine(dir, "good.json");
            using (var w = new StringWriter())
            {
                CliApp.Run(["schema", "show", "ricord-cxr", "--json"], w, new StringWriter());
                File.WriteAllText(good, w.ToString());
            }

            var (code, output, err) = Run("schema", "validate", good);
            Assert.True(code == 0, err);
            Assert.Contains("valid label schema ricord-cxr v1 (2 groups, 8 labels)", output, StringComparison.Ordinal);

            string bad = Path.Combine(dir, "bad.json");
            File.WriteAllText(bad, """
                { "name": "bad", "version": 1, "groups": [
                  { "name": "Seg", "scope": "STUDY", "mode": "polygon", "labels": [ { "name": "A", "color": "#FF0000" }, { "name": "a", "color": "red" } ] } ] }
                """);
            (code, _, err) = Run("schema", "validate", bad);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains("3 problems", err, StringComparison.Ordinal);
            Assert.Contains("group 'Seg': mode polygon draws on images and needs scope INSTANCE", err, StringComparison.Ordinal);
            Assert.Contains("group 'Seg', label 'a': color 'red' is not #RRGGBB", err, StringComparison.Ordinal);

            Assert.Equal(ExitCodes.FileNotFound, Run("schema", "validate", Path.Combine(dir, "missing.json")).Code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
