namespace Ricord.Cli.Tests.Commands;

public sealed class SynthCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ricord-synth-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void Help_lists_every_option()
    {
        var (code, output, _) = Run("synth", "--help");
        Assert.Equal(0, code);
        foreach (var o in new[] { "--seed", "--sites", "--ct-patients", "--cxr-patients", "--slices", "--cxr-size", "--messy", "--reader-accuracy", "--force" })
        {
            Assert.Contains(o, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Small_run_writes_a_dataset_and_a_summary_then_refuses_a_non_empty_folder()
    {
        var (code, output, error) = Run("synth", _dir, "--ct-patients", "1", "--cxr-patients", "2", "--slices", "8", "--cxr-size", "64", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("instances/s", output, StringComparison.Ordinal);
        Assert.Contains("MB/s", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "truth", "truth.json")));
        Assert.True(File.Exists(Path.Combine(_dir, "annotations", "cxr-mdai.json")));

        var (again, _, err) = Run("synth", _dir, "--ct-patients", "0", "--cxr-patients", "1", "--cxr-size", "64");
        Assert.Equal(4, again);
        Assert.Contains("--force", err, StringComparison.Ordinal);
        Assert.Equal(0, Run("synth", _dir, "--ct-patients", "0", "--cxr-patients", "1", "--cxr-size", "64", "--force").Code);
    }

    [Fact]
    public void Bad_values_are_usage_errors()
    {
        Assert.Equal(1, Run("synth", _dir, "--sites", "7").Code);
        Assert.Equal(1, Run("synth", _dir, "--reader-accuracy", "2").Code);
        Assert.Equal(1, Run("synth").Code);
    }
}
