using Ricord.Cli.Tests.Commands;

namespace Ricord.Cli.Tests.Conventions;

/// <summary>A usage error is one line on stderr naming what is wrong and where help is, exit code 1; help asked for
/// a command that exists is still help.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("nosuch", "--help")]
    [InlineData("nosuch")]
    [InlineData("quarantine", "nosuch", "--help")]
    public void An_unknown_command_is_a_usage_error_even_with_help(params string[] args)
    {
        var (code, output, error) = InProcessCli.Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("nosuch", line, StringComparison.Ordinal);
        Assert.Contains("--help", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_option_value_is_one_line_naming_the_command()
    {
        var (code, _, error) = InProcessCli.Run("query", "--limit", "many");
        Assert.Equal(ExitCodes.Usage, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("many", line, StringComparison.Ordinal);
        Assert.Contains("'ricord query --help'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_of_a_command_with_required_arguments_is_help()
    {
        var (code, output, _) = InProcessCli.Run("quarantine", "show", "--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--reveal-source", output, StringComparison.Ordinal);
    }
}
