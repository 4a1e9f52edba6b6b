using System.Globalization;
using System.Text.Json;

namespace Ricord.Cli.Tests.Commands;

/// <summary><c>ricord consensus</c> and <c>ricord agreement</c> on <see cref="ResultsCommandSeed"/>; CSV and JSON are parsed back.</summary>
public sealed class ResultsCommandTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"ricord-results-{Guid.NewGuid():N}");

    public Task InitializeAsync() => ResultsCommandSeed.SeedAsync(_dir);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public void Consensus_writes_tables_csv_and_json()
    {
        string csvFile = Path.Combine(_dir, "consensus.csv");
        var (code, output, error) = Run("consensus", "--project", "p", "--format", "csv", "-o", csvFile);
        Assert.True(code == 0, error);
        Assert.Contains("3 studies, 3 complete, 0 incomplete", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(csvFile).Select(l => l.Split(',')).ToList();
        Assert.Equal("study,group,status,label,votes,reads,required_reads,conflicts,adjudicated,patient", string.Join(",", rows[0]));
        Assert.Equal(6, rows.Count - 1); // 3 studies × (Appearance, Lesion)
        var c = rows.Single(r => r[0] == ResultsCommandSeed.Studies[2] && r[1] == "Appearance");
        Assert.Equal(["adjudicated", "Atypical", "Typical:1;Indeterminate:1;Atypical:1", "3", "3", "0", "true"], c[2..^1]);
        Assert.NotEqual("", c[^1]); // the PatientID as the catalog has it
        Assert.Equal(["majority", "Typical", "Typical:2;Indeterminate:1"], rows.Single(r => r[0] == ResultsCommandSeed.Studies[1] && r[1] == "Appearance")[2..5]);
        Assert.Equal("not-applicable", rows.Single(r => r[0] == ResultsCommandSeed.Studies[0] && r[1] == "Lesion")[2]);

        (code, output, error) = Run("consensus", "--project", "p", "--format", "json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("studies").GetArrayLength());
        var appearance = json.RootElement.GetProperty("summary").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "Appearance");
        Assert.Equal((1, 1, 1, 0), (appearance.GetProperty("agreed").GetInt32(), appearance.GetProperty("majority").GetInt32(),
            appearance.GetProperty("adjudicated").GetInt32(), appearance.GetProperty("noConsensus").GetInt32()));
        Assert.Equal("adj", json.RootElement.GetProperty("studies")[2].GetProperty("adjudicator").GetString());

        (code, output, error) = Run("consensus", "--project", "p");
        Assert.True(code == 0, error);
        Assert.Contains(ResultsCommandSeed.Studies[2], output, StringComparison.Ordinal);
        Assert.Contains("adjudicated by adj", output, StringComparison.Ordinal);
        Assert.Contains("total: agreed 1, majority 1, adjudicated 1, no consensus 0, not available 0", output, StringComparison.Ordinal);

        (code, output, error) = Run("consensus", "--project", "p", "--study", ResultsCommandSeed.Studies[1], "--format", "csv");
        Assert.True(code == 0, error);
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), l => Assert.StartsWith(ResultsCommandSeed.Studies[1] + ",", l, StringComparison.Ordinal));

        // Blinding: r1 read every study of p, so as a curator they see none of them and are refused one.
        (code, output, error) = Run("consensus", "--project", "p", "--as", "r1");
        Assert.True(code == 0, error);
        Assert.Contains("0 studies, 0 complete, 0 incomplete; 3 left out", output, StringComparison.Ordinal);
        (code, _, error) = Run("consensus", "--project", "p", "--study", ResultsCommandSeed.Studies[0], "--as", "r1");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("blinded", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreement_writes_statistics_as_csv_json_and_a_table()
    {
        var (code, output, error) = Run("agreement", "--project", "p", "--format", "csv", "--bootstrap", "50", "--seed", "3");
        Assert.True(code == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal("kind,group,study,statistic,reader_a,reader_b,n,value,ci_lower,ci_upper,note,patient", string.Join(",", rows[0]));
        double Value(string statistic, string a, string b = "") =>
            double.Parse(rows.Single(r => r[1] == "Appearance" && r[3] == statistic && r[4] == a && r[5] == b)[7], CultureInfo.InvariantCulture);
        Assert.Equal(4.0 / 9, Value("percent_agreement", "all"), 12);
        Assert.Equal(-0.125, Value("fleiss_kappa", "all"), 12);
        Assert.Equal(2.0 / 3, Value("percent_agreement", "r1", "r2"), 12);
        Assert.Equal(2.0 / 3, Value("percent_agreement", "r3", "consensus"), 12); // T, I, A against T, T, Atypical (adjudicated)
        Assert.NotEqual("", rows.Single(r => r[3] == "fleiss_kappa")[8]);

        string jsonFile = Path.Combine(_dir, "agreement.json");
        (code, output, error) = Run("agreement", "--project", "p", "--format", "json", "--bootstrap", "0", "-o", jsonFile);
        Assert.True(code == 0, error);
        Assert.Contains("3 complete studies, 1 label groups", output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(jsonFile)))
        {
            Assert.Equal(0, json.RootElement.GetProperty("options").GetProperty("bootstrapResamples").GetInt32());
            Assert.Equal(-0.125, json.RootElement.GetProperty("labels")[0].GetProperty("fleissKappa").GetProperty("value").GetDouble(), 12);
        }

        (code, output, error) = Run("agreement", "--project", "p", "--bootstrap", "20");
        Assert.True(code == 0, error);
        Assert.Contains("fleiss_kappa", output, StringComparison.Ordinal);
        Assert.Contains("r1 vs r2", output, StringComparison.Ordinal);

        (code, output, error) = Run("agreement", "--project", "ct", "--segmentation", "--bootstrap", "0");
        Assert.True(code == 0, error);
        Assert.Contains("r1 vs r2", output, StringComparison.Ordinal);
        Assert.Contains("0.500", output, StringComparison.Ordinal);

        (code, output, error) = Run("agreement", "--project", "ct", "--segmentation", "--format", "json", "--bootstrap", "0");
        Assert.True(code == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            var seg = json.RootElement.GetProperty("segmentations").EnumerateArray().Single();
            Assert.Equal((ResultsCommandSeed.CtStudy, "Opacity"), (seg.GetProperty("study").GetString(), seg.GetProperty("label").GetString()));
            Assert.Equal(3, seg.GetProperty("voxelMm").GetProperty("slice").GetDouble());
            var pair = seg.GetProperty("pairs")[0];
            Assert.Equal((8, 0.5), (pair.GetProperty("intersectionVoxels").GetInt32(), pair.GetProperty("dice").GetDouble()));
            Assert.Equal(0.048, seg.GetProperty("volumes")[0].GetProperty("ml").GetDouble(), 12);
        }
    }

    [Fact]
    public void Errors_and_help_are_clear()
    {
        var (code, _, error) = Run("consensus", "--project", "nope");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("No reading project named 'nope'", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, Run("agreement", "--project", "nope").Code);
        Assert.Equal(ExitCodes.Usage, Run("agreement", "--project", "p", "--format", "xml").Code);
        Assert.Equal(ExitCodes.Usage, Run("agreement", "--project", "p", "--bootstrap", "-1").Code);
        Assert.Equal(ExitCodes.Usage, Run("consensus").Code);
        Assert.Equal(ExitCodes.FileNotFound, Run("consensus", "--project", "p", "-o", Path.Combine(_dir, "no", "such", "dir", "x.csv")).Code);

        var (helpCode, help, _) = Run("agreement", "--help");
        Assert.Equal(0, helpCode);
        foreach (var option in new[] { "--project", "--format", "--output", "--bootstrap", "--seed", "--segmentation", "--confusion", "--as", "--data" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }

        Assert.Contains("--study", Run("consensus", "--help").Output, StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] all = args.Contains("--help") ? args : [.. args, "--data", _dir, .. args.Contains("--as") ? Array.Empty<string>() : ["--as", "cur"]];
        int code = CliApp.Run(all, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
