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
            "Exit codes: 0 success, 1 usage error, 2 invalid input, 3 file not found, 4 output folder not empty, 5 partly done (some inputs quarantined), 70 internal error (RICORD_DEBUG=1 prints the stack trace), 75 no space left on the device (what fitted is stored; free space and run again), 130 cancelled.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(DumpCommand.Create());
        root.Subcommands.Add(DeidCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(QuarantineCommand.Create());
        root.Subcommands.Add(ClinicalCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(RegistryCommands.Sites());
        root.Subcommands.Add(RegistryCommands.Collections());
        root.Subcommands.Add(ProjectCommand.Create());
        root.Subcommands.Add(ResultsCommand.Consensus());
        root.Subcommands.Add(ResultsCommand.Agreement());
        root.Subcommands.Add(ReadCommand.Create());
        root.Subcommands.Add(ImportRicordCommand.Create());
        root.Subcommands.Add(ReleaseCommand.Create());
        return root;
    }

    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
