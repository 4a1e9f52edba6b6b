using System.Text.Json;
using Ricord.Deid;
using Ricord.Hosting;

namespace Ricord.Cli.Tests.Commands;

/// <summary><c>ricord clinical import|list|show</c>: exit codes, reports by line, and no MRN or path in any output.</summary>
public sealed class ClinicalCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ricord-clinical-{Guid.NewGuid():N}");

    public ClinicalCommandTests()
    {
        Directory.CreateDirectory(_root);
        using var data = new RicordDataDirectory(Data);
        data.LinkTable.GetOrCreatePatient("RICORD-1C", "SITE2", "4711001", DateShiftRange.Default);
        data.LinkTable.GetOrCreatePatient("RICORD-1C", "SITE2", "4711002", DateShiftRange.Default);
    }

    private string Data => Path.Combine(_root, "data");

    [Fact]
    public void Import_stores_by_pseudonym_reports_by_line_and_reimports_idempotently()
    {
        string file = Write("Dupont Jean clinical .csv",
            "Anon MRN;Age;Sex;RT-PCR Date;Outcome\n4711001;72;M;26/04/2020;Discharged\n4711002;80;F;17/01/2021;Deceased\n9999999;50;F;01/02/2020;Outpatient\n");
        var (code, stdout, stderr) = Run("clinical", "import", file, "--site", "SITE2", "--data", Data);
        Assert.True(code == ExitCodes.PartialSuccess, stderr);
        Assert.Contains("3 rows, 2 records stored for 2 patients (0 earlier records replaced)", stdout, StringComparison.Ordinal);
        Assert.Contains("not in the link table for site SITE2 (not stored): 1 row, lines 4", stdout, StringComparison.Ordinal);
        Assert.Contains("d/M/yyyy", stdout, StringComparison.Ordinal);
        foreach (var secret in new[] { "4711001", "4711002", "9999999", "Dupont", "26/04/2020" })
        {
            Assert.DoesNotContain(secret, stdout + stderr, StringComparison.Ordinal);
        }

        (code, stdout, _) = Run("clinical", "import", file, "--site", "SITE2", "--data", Data);
        Assert.Equal(ExitCodes.PartialSuccess, code);
        Assert.Contains("2 records stored for 2 patients (2 earlier records replaced)", stdout, StringComparison.Ordinal);

        (code, stdout, _) = Run("clinical", "list", "--json", "--site", "SITE2", "--data", Data);
        Assert.Equal(ExitCodes.Success, code);
        var records = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["RICORD-1C-SITE2-000001", "RICORD-1C-SITE2-000002"], records.Select(r => r.GetProperty("patient").GetString()));
        Assert.Equal("Dupont Jean clinical .csv", records[0].GetProperty("source").GetString());
        Assert.Equal("72", records[0].GetProperty("values").GetProperty("Age").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", records[0].GetProperty("values").GetProperty("RT-PCR Date").GetString()!);

        (code, stdout, _) = Run("clinical", "show", "RICORD-1C-SITE2-000002", "--data", Data);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Deceased", stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FileNotFound, Run("clinical", "show", "RICORD-1C-SITE2-000099", "--data", Data).Code);
        (code, stdout, _) = Run("clinical", "list", "--data", Data);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("2 records", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_codes_follow_the_shared_table_and_never_echo_the_path()
    {
        var (code, stdout, stderr) = Run("clinical", "import", Path.Combine(_root, "Doe_John.csv"), "--site", "SITE2", "--data", Data);
        Assert.Equal(ExitCodes.FileNotFound, code);
        Assert.DoesNotContain("Doe_John", stdout + stderr, StringComparison.Ordinal);

        string noKey = Write("nokey.csv", "Age,Sex\n50,F\n");
        (code, _, stderr) = Run("clinical", "import", noKey, "--site", "SITE2", "--data", Data);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("No MRN column", stderr, StringComparison.Ordinal);

        string ambiguous = Write("ambiguous.csv", "MRN,Admission Date\n4711001,05/03/2020\n4711002,06/03/2020\n");
        (code, _, stderr) = Run("clinical", "import", ambiguous, "--site", "SITE2", "--data", Data);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--date-format", stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, Run("clinical", "import", ambiguous, "--site", "SITE2", "--date-format", "dd/MM/yyyy", "--data", Data).Code);

        Assert.Equal(ExitCodes.Usage, Run("clinical", "import", ambiguous, "--site", "bad site", "--data", Data).Code);
        Assert.Equal(ExitCodes.Usage, Run("clinical", "import", ambiguous, "--data", Data).Code);
    }

    [Fact]
    public void Help_describes_the_rules_and_exit_codes()
    {
        var (code, stdout, _) = Run("clinical", "import", "--help");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var s in new[] { "--site", "--collection", "--sheet", "--date-format", "--mrn-column", "--source", "link table", "Exit codes" })
        {
            Assert.Contains(s, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("clinical", Run("--help").Stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => InProcessCli.Run(args);
}
