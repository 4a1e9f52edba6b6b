using System.CommandLine;
using Ricord.Hosting;

namespace Ricord.Cli.Commands;

/// <summary>The <c>--data DIR</c> option every catalog command takes, and opening that directory.</summary>
public static class CliData
{
    public static Option<DirectoryInfo> CreateOption() => new("--data")
    {
        Description = "Ricord's data directory (catalog, blobs, and the secrets folder with the link table). " +
            "Default: $RICORD_DATA, else ./ricord-data. PostgreSQL/S3 are chosen with RICORD_CATALOG_* / RICORD_S3_* variables.",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("RICORD_DATA") ?? "ricord-data"),
    };

    public static async Task<RicordDataDirectory> OpenAsync(DirectoryInfo dir, CancellationToken ct)
    {
        var data = new RicordDataDirectory(dir.FullName);
        await data.InitializeAsync(ct).ConfigureAwait(false);
        return data;
    }
}
