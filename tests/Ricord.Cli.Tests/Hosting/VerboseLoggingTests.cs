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

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
