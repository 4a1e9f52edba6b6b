using System.CommandLine;
using System.CommandLine.Help;
using Ricord.Cli.Commands;

namespace Ricord.Cli;

/// <summary>The `ricord` command: builds the command tree; <see cref="CliApp.Run"/> runs it.</summary>
public static class Program
{
    public static Command CreateRootCommand()
    {
        // A plain Command named "ricord" (RootCommand would take the assembly's name, Ricord.Cli).
        var root = new Command("ricord",
            "Ricord: an open radiology database for building and releasing expert-annotated imaging datasets.\n" +
            "Exit codes: 0 success, 1 usage error, 2 invalid input file, 3 file not found.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(DumpCommand.Create());
        root.Subcommands.Add(DeidCommand.Create());
        return root;
    }

    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
