using System.CommandLine;

namespace Ricord.Cli;

/// <summary>Runs the CLI in-process with the given output writers (what <c>Main</c> and the tests call).</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return Program.CreateRootCommand().Parse(args).Invoke(configuration);
    }
}
