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

    public static Task TrackAsync(TextWriter output, string label, long total, Func<long> done, Func<long> bytes, Task work) =>
        TrackAsync(output, label, () => total, done, bytes, work);

    /// <summary>A bar for work whose total is known only once it has started (counts, no bytes).</summary>
    public static Task TrackAsync(TextWriter output, string label, Func<long> total, Func<long> done, Task work) =>
        TrackAsync(output, label, total, done, null, work);

    private static async Task TrackAsync(TextWriter output, string label, Func<long> total, Func<long> done, Func<long>? bytes, Task work)
    {
        bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        if (!terminal)
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
                    task.MaxValue = Math.Max(1, total());
                    Update(task, label, done(), bytes?.Invoke(), started);
                    await Task.WhenAny(work, Task.Delay(200)).ConfigureAwait(false);
                }

                Update(task, label, done(), bytes?.Invoke(), started);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
    }

    private static void Update(ProgressTask task, string label, long done, long? bytes, DateTime started)
    {
        double s = Math.Max((DateTime.UtcNow - started).TotalSeconds, 1e-3);
        task.Value = Math.Min(done, task.MaxValue);
        task.Description = bytes is { } b
            ? FormattableString.Invariant($"{label} {done} ({done / s:F0}/s, {b / 1e6 / s:F1} MB/s)")
            : FormattableString.Invariant($"{label} {done} ({done / s:F0}/s)");
    }
}
