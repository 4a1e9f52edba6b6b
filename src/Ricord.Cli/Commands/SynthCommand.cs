using System.CommandLine;
using System.Globalization;
using Ricord.Synth;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary>
/// `ricord synth OUT`: a synthetic multi-site RICORD-like dataset with known ground truth
/// (docs/synth.md). Exit codes: 0 ok, 1 usage, 4 OUT not empty (without --force). Files, truth and
/// annotations: see docs/synth.md.
/// </summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var output = new Argument<DirectoryInfo>("OUT") { Description = "Folder to write the dataset into (created; must be empty unless --force)" };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed and options give byte-identical output", DefaultValueFactory = _ => 1 };
        var sites = new Option<int>("--sites") { Description = "Number of sites, 1–4 (GE-like ISO_IR 100, Siemens-like ISO_IR 192, Philips-like ASCII, Agfa CR)", DefaultValueFactory = _ => 4 };
        var ct = new Option<int>("--ct-patients") { Description = "Chest CT patients (every fourth one negative, as RICORD-1B)", DefaultValueFactory = _ => 4 };
        var cxr = new Option<int>("--cxr-patients") { Description = "Chest radiograph patients (several studies over time, as RICORD-1C)", DefaultValueFactory = _ => 20 };
        var slices = new Option<int>("--slices") { Description = "Slices per axial CT series (images are always 512×512)", DefaultValueFactory = _ => 64 };
        var cxrSize = new Option<int>("--cxr-size") { Description = "Rows and columns of each radiograph", DefaultValueFactory = _ => 1024 };
        var messy = new Option<bool>("--messy") { Description = "Plant a duplicate, a missing slice, uneven spacing, a truncated file, a non-DICOM file and a wrong StudyInstanceUID" };
        var accuracy = new Option<double>("--reader-accuracy") { Description = "Probability that a simulated reader reports the truth (0–1)", DefaultValueFactory = _ => 0.8 };
        var force = new Option<bool>("--force") { Description = "Write into OUT even if it is not empty" };
        var parallel = new Option<int>("--parallel") { Description = "Instances generated at once (default: processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("synth", "Generate a synthetic multi-site RICORD-like dataset (docs/synth.md): chest CT and radiograph DICOM from four sites, " +
            "MD.ai annotation exports from simulated readers, clinical CSVs, ground truth (truth/truth.json, masks) and a PHI manifest. " +
            "The same seed gives byte-identical output. Exit codes: 0 ok, 1 usage, 4 OUT not empty (without --force).")
        {
            output, seed, sites, ct, cxr, slices, cxrSize, messy, accuracy, force, parallel,
        };
        command.SetAction(async (parse, token) =>
        {
            var options = new SynthOptions
            {
                Seed = parse.GetValue(seed),
                Sites = parse.GetValue(sites),
                CtPatients = parse.GetValue(ct),
                CxrPatients = parse.GetValue(cxr),
                Slices = parse.GetValue(slices),
                CxrSize = parse.GetValue(cxrSize),
                Messy = parse.GetValue(messy),
                ReaderAccuracy = parse.GetValue(accuracy),
                MaxParallelism = parse.GetValue(parallel),
            };
            var io = parse.InvocationConfiguration;
            return await RunAsync(parse.GetValue(output)!, options, parse.GetValue(force), io.Output, io.Error, token).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo output, SynthOptions options, bool force, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"ricord synth: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (output.Exists && output.EnumerateFileSystemInfos().Any() && !force)
        {
            await stderr.WriteLineAsync($"ricord synth: {output.FullName} is not empty (use --force to write into it anyway)").ConfigureAwait(false);
            return ExitCodes.OutputNotEmpty;
        }

        var generator = new SynthGenerator(options);
        var tracker = new LatestProgress();
        SynthResult result;
        // The progress bar only on a real terminal: not when redirected, nor when a caller passed its own writer.
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out))
        {
            result = await generator.RunAsync(output.FullName, null, token).ConfigureAwait(false);
        }
        else
        {
            result = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("instances", maxValue: 1);
                    var run = generator.RunAsync(output.FullName, tracker, token);
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    while (!run.IsCompleted)
                    {
                        await Task.WhenAny(run, Task.Delay(200, token)).ConfigureAwait(false);
                        var p = tracker.Latest;
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Written;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Written}/{p.Total} instances, {p.Written / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0} /s");
                    }

                    return await run.ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"synth: {result.Instances} instances, {result.Bytes / 1e6:0.0} MB in {result.Elapsed.TotalSeconds:0.00} s ({result.InstancesPerSecond:0.0} instances/s, {result.MegabytesPerSecond:0.0} MB/s) → {output.FullName}")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private sealed class LatestProgress : IProgress<SynthProgress>
    {
        private SynthProgress _latest;
        private readonly Lock _gate = new();

        public SynthProgress Latest
        {
            get
            {
                lock (_gate)
                {
                    return _latest;
                }
            }
        }

        public void Report(SynthProgress value)
        {
            lock (_gate)
            {
                if (value.Written > _latest.Written)
                {
                    _latest = value;
                }
            }
        }
    }
}
