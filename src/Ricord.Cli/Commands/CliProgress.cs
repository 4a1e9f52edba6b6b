using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary>A progress bar (with rate) while a task runs, when the output is a terminal; nothing otherwise.</summary>
public static class CliProgress
{
    public static IAnsiConsole Console(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.Detect,
            Ansi = AnsiSupport.Detect,
        });

    /// <summary>Whether <paramref name="output"/> is this process's stdout and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;

    public static Task TrackAsync(TextWriter output, string label, long total, Func<long> done, Func<long> bytes, Task work) =>
        TrackAsync(output, label, () => total, done, bytes, work);

    /// <summary>The bar for a total known only once the work runs (read on every update); <paramref name="bytes"/> null: no MB/s.</summary>
    public static async Task TrackAsync(TextWriter output, string label, Func<long> total, Func<long> done, Func<long>? bytes, Task work)
    {
        if (!IsTerminal(output))
        {
            await Task.WhenAny(work).ConfigureAwait(false);
            return;
        }

        var started = DateTime.UtcNow;
        await Console(output).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: Math.Max(1, total()));
                while (!work.IsCompleted)
                {
                    Update(task, label, total(), done(), bytes, started);
                    await Task.WhenAny(work, Task.Delay(200)).ConfigureAwait(false);
                }

                Update(task, label, total(), done(), bytes, started);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
    }

    private static void Update(ProgressTask task, string label, long total, long done, Func<long>? bytes, DateTime started)
    {
        double s = Math.Max((DateTime.UtcNow - started).TotalSeconds, 1e-3);
        task.MaxValue = Math.Max(1, total);
        task.Value = Math.Min(done, task.MaxValue);
        task.Description = bytes is null
            ? FormattableString.Invariant($"{label} {done}/{total} ({done / s:F1}/s)")
            : FormattableString.Invariant($"{label} {done} ({done / s:F0}/s, {bytes() / 1e6 / s:F1} MB/s)");
    }
}
