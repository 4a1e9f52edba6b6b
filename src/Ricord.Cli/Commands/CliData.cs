using System.CommandLine;
using Ricord.Hosting;

namespace Ricord.Cli.Commands;

/// <summary>The <c>--data DIR</c> option every catalog command takes, and opening that directory.</summary>
public static class CliData
{
    public static Option<DirectoryInfo> CreateOption() => new("--data")
    {
        Description = "Ricord's data directory (catalog, blobs, and the secrets folder with the link table). " +
            "Default: $RICORD_DATA, else ./ricord-data. Settings: ricord.json in it, RICORD__* variables (or RICORD_CATALOG_* / RICORD_S3_*) and --set.",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("RICORD_DATA") ?? "ricord-data"),
    };

    /// <summary>Opens the data directory, creating it if there is none (commands that add data: ingest, demo, imports,
    /// registry and project changes).</summary>
    public static async Task<RicordDataDirectory> OpenAsync(DirectoryInfo dir, CancellationToken ct)
    {
        var host = CliHost.Current;
        var data = new RicordDataDirectory(host.Options(dir.FullName), host.Configure);
        await data.InitializeAsync(ct).ConfigureAwait(false);
        return data;
    }

    /// <summary>Opens an existing data directory for a command that reads (or changes only what is there); when there
    /// is none, says so and returns null: such a command never leaves an empty data directory behind a mistyped path.</summary>
    public static async Task<RicordDataDirectory?> OpenExistingAsync(DirectoryInfo dir, TextWriter stderr, CancellationToken ct)
    {
        return Exists(dir, stderr) ? await OpenAsync(dir, ct).ConfigureAwait(false) : null;
    }

    /// <summary>Whether <paramref name="dir"/> is a data directory; if not, says so on <paramref name="stderr"/>.</summary>
    public static bool Exists(DirectoryInfo dir, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(dir);
        ArgumentNullException.ThrowIfNull(stderr);
        if (RicordDataDirectory.Exists(dir.FullName))
        {
            return true;
        }

        stderr.WriteLine($"ricord: {dir.FullName} is not a Ricord data directory (ingest or demo creates one; --data or RICORD_DATA says which to use)");
        return false;
    }
}
