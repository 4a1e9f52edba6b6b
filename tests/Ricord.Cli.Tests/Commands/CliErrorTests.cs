namespace Ricord.Cli.Tests.Commands;

/// <summary>What the CLI does when things are not where they should be: a command that only reads refuses a path
/// that is no data directory (exit 3) and leaves nothing behind; an unexpected failure is one line on stderr and
/// exit 70, not a stack trace.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-cli-errors-" + Guid.NewGuid().ToString("N")[..12]);

    public static TheoryData<string[]> ReadingCommands => new()
    {
        new[] { "query" },
        new[] { "quarantine", "list" },
        new[] { "quarantine", "show", "1" },
        new[] { "quarantine", "release", "1" },
        new[] { "quarantine", "drop", "1" },
        new[] { "sites", "list" },
        new[] { "collections", "list" },
        new[] { "clinical", "list" },
        new[] { "clinical", "show", "RICORD-1A-419639-000001" },
        new[] { "consensus", "--project", "p" },
        new[] { "agreement", "--project", "p" },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public void A_reading_command_on_a_mistyped_data_path_creates_nothing(string[] command)
    {
        string missing = Path.Combine(_root, "no-such-data");
        var (code, _, err) = InProcessCli.Run([.. command, "--data", missing]);
        Assert.Equal(ExitCodes.FileNotFound, code);
        Assert.Contains("is not a Ricord data directory", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "-5")]
    [InlineData("--limit", "5001")]
    [InlineData("--after", "not-a-token")]
    [InlineData("--date", "2020-13-45")]
    public void A_bad_query_argument_is_a_usage_error(string option, string value)
    {
        string data = Path.Combine(_root, "data");
        Assert.Equal(0, InProcessCli.Run("sites", "add", "419639", "--data", data).Code);
        var (code, _, err) = InProcessCli.Run("query", option, value, "--data", data);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100000")]
    public void Ingest_parallel_out_of_range_is_a_usage_error(string parallel)
    {
        Directory.CreateDirectory(_root);
        var (code, _, err) = InProcessCli.Run("ingest", _root, "--collection", "C", "--site", "S", "--parallel", parallel, "--data", Path.Combine(_root, "data"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--parallel must be between 1 and", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Deid_refuses_an_output_inside_its_input_and_a_missing_input()
    {
        string input = Path.Combine(_root, "in");
        Directory.CreateDirectory(input);
        string[] common = ["--collection", "RICORD-1A", "--site", "419639", "--link-table", Path.Combine(_root, "link.db")];
        var inside = InProcessCli.Run(["deid", input, Path.Combine(input, "out"), .. common]);
        Assert.Equal(ExitCodes.Usage, inside.Code);
        Assert.Contains("OUT must not be inside IN", inside.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FileNotFound, InProcessCli.Run(["deid", Path.Combine(_root, "missing"), Path.Combine(_root, "out"), .. common]).Code);
        Assert.False(Directory.Exists(Path.Combine(input, "out")));
    }

    [Theory]
    [InlineData("sites", "add", "bad site")]
    [InlineData("sites", "add", "SITE-2")]
    [InlineData("collections", "add", "")]
    [InlineData("collections", "add", "ricord-1a")]
    [InlineData("ingest", "IN", "--collection", "a/b", "--site", "S")]
    [InlineData("ingest", "IN", "--collection", "C", "--site", "s 1")]
    [InlineData("ingest", "IN=bad-site", "--collection", "C")]
    [InlineData("deid", "IN", "OUT", "--collection", "C", "--site", "-")]
    [InlineData("clinical", "import", "IN", "--site", "419639", "--site", "x")]
    public void A_bad_collection_or_site_code_is_a_usage_error_before_anything_runs(params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(_root, "IN"));
        string data = Path.Combine(_root, "data");
        string[] dataOption = args[0] == "deid" ? [] : ["--data", data];
        var (code, _, err) = InProcessCli.Run([.. args.Select(a => a.StartsWith("IN", StringComparison.Ordinal) || a == "OUT" ? Path.Combine(_root, a) : a), .. dataOption]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("code must be 1-40 characters", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_and_exit_70()
    {
        // A data directory path that is a file: nothing any command plans for.
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "");
        string input = Path.Combine(_root, "in");
        Directory.CreateDirectory(input);
        var (code, _, err) = InProcessCli.Run("ingest", input, "--collection", "C", "--site", "S", "--data", file);
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.StartsWith("ricord: internal error (", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
