using Ricord.DeidScore;
using Ricord.DeidScoring;

// ricord-deid-score: the MIDI-B style de-identification scorer on the hard PHI corpus.
//   score [--profile ricord|strict|FILE.json] [--seed N] [--files N] [--cli] [--all]
//   corpus DIR [--seed N] [--files N]              write the corpus (for peer tools)
//   score-dir OUT --tool NAME [--profile basic|ricord|FILE] [--log FILE] [--link-table DB] [--seed N] [--files N] [--all]
//                                                  score a tool's output folder (files matched by name or remapped SOP UID)
//   throughput [--seconds S]                       de-identification alone, in process (instances per second)
//   cpu                                            de-identification alone: CPU time and bytes allocated per Apply
var options = new Arguments(args);
int seed = options.Int("--seed", 14);
int files = options.Int("--files", 2);
switch (options.Command)
{
    case "score":
        return Commands.Score(ProfileChoice.Resolve(options.Text("--profile", "ricord")), PhiCorpusGenerator.Generate(seed, files), options.Flag("--cli"), options.Flag("--all"));
    case "corpus":
        PhiCorpusGenerator.Generate(seed, files).WriteTo(options.Positional(0));
        return 0;
    case "score-dir":
        return Commands.ScoreDirectory(PhiCorpusGenerator.Generate(seed, files), options.Positional(0), options.Text("--tool", "peer"),
            ProfileChoice.Resolve(options.Text("--profile", "basic")), options.Text("--log", ""), options.Text("--link-table", "") is { Length: > 0 } l ? l : null, options.Flag("--all"));
    case "cpu":
        return CpuMeasure.Run();
    case "throughput":
        return Throughput.Run(options.Int("--seconds", 5), seed);
    default:
        Console.Error.WriteLine("usage: Ricord.DeidScore score|corpus|score-dir|throughput [options] (see Program.cs)");
        return 1;
}
