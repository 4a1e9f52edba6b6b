using System.CommandLine;

namespace Ricord.Cli;

/// <summary>Runs the CLI in-process with the given output writers (what <c>Main</c> and the tests call).</summary>
public static class CliApp
{
    /// <summary>Set to 1 to print the stack trace of an internal error.</summary>
    public const string DebugVariable = "RICORD_DEBUG";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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
            return Program.CreateRootCommand().Parse(args).Invoke(configuration);
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
}
