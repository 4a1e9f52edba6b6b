using Ricord.ParseBench;

// Whole-process parse benchmark: walks a folder and parses every file, header only and/or full.
// Usage: Ricord.ParseBench DIR [--mode MODE|both|all] [--threads N[,N...]] [--passes P]; modes in ParseMode.cs.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: Ricord.ParseBench DIR [--mode header|full|full-read|full-array|full-memory|full-fresh|both|all] [--threads 1,2] [--passes 1]");
    return 2;
}

string dir = args[0];
string mode = "both";
int[] threads = [1];
int passes = 1;
for (int i = 1; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--mode": mode = args[i + 1]; break;
        case "--threads": threads = args[i + 1].Split(',').Select(int.Parse).ToArray(); break;
        case "--passes": passes = int.Parse(args[i + 1]); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
long totalBytes = files.Sum(f => new FileInfo(f).Length);
string[] modes = mode switch { "both" => ["header", "full"], "all" => ["header", "full", "full-read", "full-array", "full-memory", "full-fresh"], _ => [mode] };
Console.WriteLine($"# {files.Length} files, {totalBytes / 1e6:F1} MB, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
Console.WriteLine("mode\tthreads\tfiles\tseconds\tfiles/s\tMB/s\talloc-bytes/file");
foreach (string m in modes)
{
    foreach (int t in threads)
    {
        for (int p = 0; p < passes; p++)
        {
            var result = ParseRun.Run(files, Mode(m), t);
            double s = result.Elapsed.TotalSeconds;
            Console.WriteLine($"{m}\t{t}\t{files.Length}\t{s:F3}\t{files.Length / s:F0}\t{totalBytes / 1e6 / s:F0}\t{result.AllocatedBytes / files.Length}");
        }
    }
}

return 0;

static ParseMode Mode(string name) => name switch
{
    "header" => ParseMode.Header,
    "full" => ParseMode.Full,
    "full-read" => ParseMode.FullRead,
    "full-array" => ParseMode.FullArray,
    "full-memory" => ParseMode.FullMemory,
    "full-fresh" => ParseMode.FullFresh,
    _ => throw new ArgumentException($"unknown mode {name}"),
};
