using Ricord.IngestProbe;

// Usage: Ricord.IngestProbe stages|pipeline|floor-STORE|write-files|write-pack SITES_DIR WORK_DIR [parallel=2]
// floor-STORE: real, packed, nosync, null, fs256, fs256one, fs16 (FloorProbe.cs); write-*: storage alone (WriteProbe.cs).
// SITES_DIR is `ricord synth` output's sites/ folder (each site's DICOM under SITE/dicom). WORK_DIR is emptied.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Ricord.IngestProbe stages|pipeline|floor-STORE|write-files|write-pack SITES_DIR WORK_DIR [parallel=2]");
    return 1;
}

var sites = Directory.GetDirectories(args[1]).Order(StringComparer.Ordinal)
    .Select(d => (Site: Path.GetFileName(d), Files: Directory.GetFiles(Path.Combine(d, "dicom"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()))
    .ToList();
int parallel = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;
Directory.CreateDirectory(args[2]);
switch (args[0])
{
    case "stages":
        await StageProbe.RunAsync(sites, args[2]);
        break;
    case "pipeline":
        await PipelineProbe.RunAsync(sites, args[2], parallel, durable: true);
        break;
    case { } mode when mode.StartsWith("write-", StringComparison.Ordinal):
        await WriteProbe.RunAsync(sites, args[2], args[0]["write-".Length..]);
        break;
    case { } mode when mode.StartsWith("floor-", StringComparison.Ordinal):
        await FloorProbe.RunAsync(sites, args[2], parallel, args[0]["floor-".Length..]);
        break;
    case "pipeline-nofsync":
        Console.Error.WriteLine("pipeline-nofsync is gone: the pipeline stores blobs in durable groups (drafts); see bench/results/ingest.md");
        return 1;
    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 1;
}

return 0;
