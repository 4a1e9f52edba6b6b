using System.CommandLine;
using Ricord.Release;

namespace Ricord.Cli.Commands;

public static partial class ReleaseCommand
{
    private static Command Diff()
    {
        var from = new Argument<DirectoryInfo>("from") { Description = "The earlier release folder." };
        var to = new Argument<DirectoryInfo>("to") { Description = "The later release folder." };
        var command = new Command("diff",
            "What changed between two releases (patients, studies and series added or withdrawn, relabelled studies, split changes, files changed) " +
            "and whether the later version grew enough: a patch changes no data or label, a minor adds or withdraws data, a major changes labels or splits. " +
            "Prints CHANGES.md's text. Exit codes: 0 the version step fits, 2 it does not (or a folder is no release), 3 folder not found, 1 usage.")
        {
            from, to,
        };
        command.SetAction(parse =>
        {
            var (a, b) = (parse.GetValue(from)!, parse.GetValue(to)!);
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!a.Exists || !b.Exists)
            {
                stderr.WriteLine($"ricord release diff: {(a.Exists ? b : a).FullName} not found");
                return ExitCodes.FileNotFound;
            }

            try
            {
                var diff = ReleaseDiff.Compare(a.FullName, b.FullName);
                stdout.Write(diff.ToMarkdown());
                if (diff.VersionProblem is { } problem)
                {
                    stderr.WriteLine($"ricord release diff: {problem}");
                    return ExitCodes.InvalidInput;
                }

                return ExitCodes.Success;
            }
            catch (ReleaseException e)
            {
                stderr.WriteLine($"ricord release diff: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }
}
