using System.CommandLine;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Results;
using Ricord.Catalog;
using Ricord.Hosting;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary>
/// <c>ricord consensus</c> and <c>ricord agreement</c>: a reading project's results. Like the project commands they
/// act as a curator (<c>--as</c>, made one if needed); the results service still applies blinding, so studies the
/// <c>--as</c> user read are left out.
/// </summary>
public static partial class ResultsCommand
{
    private static Option<string> ProjectOption() => new("--project", "-p") { HelpName = "PROJECT", Description = "Reading project name (see `ricord project status`).", Required = true };

    private static Option<string> FormatOption(string table) => new("--format")
    {
        Description = $"Output format: table ({table}), csv or json.",
        DefaultValueFactory = _ => "table",
    };

    private static Option<FileInfo?> OutputOption() => new("--output", "-o") { HelpName = "FILE", Description = "Write the result to FILE instead of the terminal (a one-line summary is printed)." };

    private static Option<string> ActorOption() => new("--as")
    {
        HelpName = "USER",
        Description = "Who asks (made a curator if not one). Studies this user read are left out (blinding). Default: the login name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    /// <summary>Opens the data directory, makes the actor a curator and runs <paramref name="body"/>; reading errors
    /// (unknown project or study, blinding) are exit code 2, an output folder that does not exist 3.</summary>
    private static async Task<int> RunAsync(ParseResult parse, string command, Option<DirectoryInfo> data, Option<string> actor,
        Func<ProjectResultsService, ReadingActor, Task> body, CancellationToken ct)
    {
        using RicordDataDirectory? dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
        if (dir is null)
        {
            return ExitCodes.FileNotFound;
        }

        var options = ReadingDefaults.Options(dir.CatalogOptions);
        var curator = new ReadingActor(parse.GetValue(actor)!, ReadingRole.Curator);
        try
        {
            await new ReadingProjectService(options).EnsureUserAsync(curator.User, ReadingRole.Curator, ct).ConfigureAwait(false);
            await body(new ProjectResultsService(options, dir.Blobs), curator).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ReadingException or ReadingAccessException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"ricord {command}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (DirectoryNotFoundException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"ricord {command}: {e.Message}");
            return ExitCodes.FileNotFound;
        }
    }

    /// <summary>The result in the chosen format: tables straight to the terminal, or table, CSV or JSON to <c>-o FILE</c>
    /// (then <paramref name="summary"/> is printed) or to the terminal.</summary>
    private static async Task DeliverAsync(ParseResult parse, Option<string> format, Option<FileInfo?> output,
        Action<TextWriter> table, Action<TextWriter> csv, Action<Stream> json, string summary, CancellationToken ct)
    {
        var file = parse.GetValue(output);
        var terminal = parse.InvocationConfiguration.Output;
        string chosen = parse.GetValue(format)!;
        if (file is null && chosen == "table")
        {
            table(terminal);
            return;
        }

        await WriteAsync(file, terminal, chosen switch { "csv" => Text(csv), "json" => json, _ => Text(table) }, ct).ConfigureAwait(false);
        if (file is not null)
        {
            terminal.WriteLine($"wrote {file.FullName}: {summary}");
        }
    }

    /// <summary>Writes through <paramref name="write"/> to the file, or to the terminal when there is none.</summary>
    private static async Task WriteAsync(FileInfo? file, TextWriter terminal, Action<Stream> write, CancellationToken ct)
    {
        if (file is not null)
        {
            var stream = new FileStream(file.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                write(stream);
                await stream.FlushAsync(ct).ConfigureAwait(false);
            }

            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        await terminal.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), ct).ConfigureAwait(false);
    }

    /// <summary>Tables for the terminal as it is; for any other writer (a file, a test) without colours, 160 columns wide.</summary>
    private static IAnsiConsole ConsoleFor(TextWriter output)
    {
        if (ReferenceEquals(output, System.Console.Out))
        {
            return CliProgress.Console(output);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 160;
        return console;
    }

    /// <summary>A text writer (UTF-8, no BOM, LF) over a stream, for the CSV and table writers.</summary>
    private static Action<Stream> Text(Action<TextWriter> write) => stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    };
}
