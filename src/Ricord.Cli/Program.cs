using System.CommandLine;
using Ricord.Cli.Commands;

namespace Ricord.Cli;

/// <summary>The `ricord` command: builds the command tree; <see cref="CliApp.Run"/> runs it.</summary>
public static class Program
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "Ricord: an open radiology database for building and releasing expert-annotated imaging datasets.\n" +
            "Exit codes: 0 success, 1 usage error, 2 invalid input file, 3 file not found.");
        root.Subcommands.Add(DumpCommand.Create());
        return root;
    }

    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
