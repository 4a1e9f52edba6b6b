using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.Logging;
using Ricord.Hosting;

namespace Ricord.Cli;

/// <summary>Runs the CLI in-process with the given output writers (what <c>Main</c> and the tests call).</summary>
public static class CliApp
{
    /// <summary>Set to 1 to print the stack trace of an internal error.</summary>
    public const string DebugVariable = "RICORD_DEBUG";

    /// <summary>Sets the log level and turns logging to stderr on (Trace, Debug, Information, Warning, Error).</summary>
    public const string LogLevelVariable = "RICORD_LOG_LEVEL";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, logs: null);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>; <paramref name="logs"/> receives
    /// every log line at Debug and above (tests), besides stderr's when <c>--verbose</c> or RICORD_LOG_LEVEL asks for it.</summary>
    public static int RunWithLogs(string[] args, TextWriter stdout, TextWriter stderr, ILoggerProvider logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        return Run(args, stdout, stderr, logs);
    }

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, ILoggerProvider? logs)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        // Ctrl+C cancels the command's token; it then finishes the durable step in flight (an fsync cannot be cut short)
        // and unwinds. Up to 30 s is allowed for that before the process ends anyway (what a crash leaves, the next
        // ingest sweeps).
        var configuration = new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var parse = Program.CreateRootCommand().Parse(args);
            if (parse.UnmatchedTokens.Count > 0 || (parse.Errors.Count > 0 && parse.Action is not HelpAction))
            {
                // One line of what is wrong and where help is, not the whole help; an unknown command stays an error
                // with --help too (`ricord nosuch --help`: help takes the errors away), so scripts can tell.
                string what = parse.Errors.Count > 0 ? string.Join(" ", parse.Errors.Select(e => e.Message))
                    : $"Unrecognized command or argument '{string.Join(" ", parse.UnmatchedTokens)}'.";
                stderr.WriteLine($"ricord: {what} (see '{CommandPath(parse)} --help')");
                return ExitCodes.Usage;
            }

            CliHost.Current = Host(parse, stderr, logs);
            return parse.Invoke(configuration);
        }
        catch (RicordConfigurationException ex)
        {
            stderr.WriteLine($"ricord: configuration: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            // Every command commits in steps that are whole on their own (ingest: per batch), so nothing half-done stays.
            stderr.WriteLine("ricord: cancelled; what was already committed is kept (an ingest run again goes on from there)");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // Not a usage error (exit 1) but a failure nobody planned for: one line an operator can act on or report;
            // the stack trace only on request (commands keep input paths out of messages, and traces are long).
            stderr.WriteLine($"ricord: internal error ({ex.GetType().Name}): {ex.Message}");
            stderr.WriteLine(Environment.GetEnvironmentVariable(DebugVariable) == "1"
                ? ex.ToString()
                : $"ricord: set {DebugVariable}=1 to print where it happened");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The command line's words up to the command that was recognised (<c>ricord quarantine show</c>).</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static CliHost Host(ParseResult parse, TextWriter stderr, ILoggerProvider? logs)
    {
        var level = parse.GetValue<bool>(Program.VerboseOption) ? LogLevel.Debug
            : Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LogLevelVariable), ignoreCase: true, out var named) ? named
            : LogLevel.None;
        var loggers = new List<ILoggerProvider>();
        if (level != LogLevel.None)
        {
            loggers.Add(new StderrLoggerProvider(stderr));
        }

        if (logs is not null)
        {
            loggers.Add(logs);
            level = level == LogLevel.None ? LogLevel.Debug : (LogLevel)Math.Min((int)level, (int)LogLevel.Debug);
        }

        return new CliHost(parse.GetValue<string[]>(Program.SetOption) ?? [], level, loggers);
    }
}
