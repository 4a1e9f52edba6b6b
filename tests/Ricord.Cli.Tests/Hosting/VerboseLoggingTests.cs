namespace Ricord.Cli.Tests.Hosting;

/// <summary>Logging is off unless asked for; --verbose writes it to stderr, never to stdout.</summary>
public sealed class VerboseLoggingTests
{
    [Fact]
    public void Verbose_logs_to_stderr_and_quiet_logs_nothing()
    {
        string root = Path.Combine(Path.GetTempPath(), $"ricord-verbose-{Guid.NewGuid():N}");
        try
        {
            string data = Path.Combine(root, "data");
            var (code, stdout, stderr) = Run("sites", "add", "SITEA", "--name", "Site A", "--data", data);
            Assert.Equal(0, code);
            Assert.DoesNotContain("ricord: debug:", stderr, StringComparison.Ordinal);

            (code, var verboseOut, var verboseErr) = Run("sites", "list", "--data", data, "--verbose");
            Assert.Equal(0, code);
            Assert.Contains("ricord: debug: Ricord.", verboseErr, StringComparison.Ordinal);
            Assert.DoesNotContain("ricord: debug:", verboseOut, StringComparison.Ordinal);
            (code, var quietOut, _) = Run("sites", "list", "--data", data);
            Assert.Equal(quietOut, verboseOut);
            Assert.Contains("SITEA", stdout + quietOut, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_setting_from_the_command_line_reaches_the_data_directory_and_a_bad_one_is_a_usage_error()
    {
        string data = Path.Combine(Path.GetTempPath(), $"ricord-set-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, Run("sites", "add", "SITEA", "--data", data).Code);
            var (code, _, stderr) = Run("sites", "list", "--data", data, "--set", "Catalog:Provider=postgres");
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("ricord: configuration: The postgres catalog needs a connection string", stderr, StringComparison.Ordinal);
            (code, _, stderr) = Run("sites", "list", "--data", data, "--set", "Catalog:Provider=oracle");
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("Catalog:Provider", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
