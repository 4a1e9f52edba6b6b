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

    /// <summary>A bar for work in stages (read on every update): the stage's name, items done of its total, items and MB
    /// per second since the stage began.</summary>
    public static async Task TrackStagesAsync(TextWriter output, Func<(string Stage, long Done, long Total, long Bytes)> state, Task work)
    {
        bool terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        if (!terminal)
        {
            await Task.WhenAny(work).ConfigureAwait(false);
            return;
        }

        await Console(output).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1);
                var (stage, started, startBytes) = ("", DateTime.UtcNow, 0L);
                while (true)
                {
                    var now = state();
                    if (now.Stage != stage)
                    {
                        (stage, started, startBytes) = (now.Stage, DateTime.UtcNow, now.Bytes);
                    }

                    // Rates once the stage has run half a second (a first item done at once says nothing about speed).
                    double s = (DateTime.UtcNow - started).TotalSeconds;
                    task.MaxValue = Math.Max(1, now.Total);
                    task.Value = Math.Min(now.Done, task.MaxValue);
                    task.Description = s < 0.5 ? FormattableString.Invariant($"{stage} {now.Done}/{now.Total}")
                        : FormattableString.Invariant($"{stage} {now.Done}/{now.Total} ({now.Done / s:F1}/s, {(now.Bytes - startBytes) / 1e6 / s:F1} MB/s)");
                    if (work.IsCompleted)
                    {
                        break;
                    }

                    await Task.WhenAny(work, Task.Delay(200)).ConfigureAwait(false);
                }

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
