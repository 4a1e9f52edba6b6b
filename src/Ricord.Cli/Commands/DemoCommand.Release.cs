using Spectre.Console;

namespace Ricord.Cli.Commands;

public static partial class DemoCommand
{
    /// <summary>Step 7: release 1.0.0 of the demo collection (ricord release build) and its verification against the link
    /// table (ricord release verify); prints where the release is and the verdict.</summary>
    private static async Task<int> ReleaseAsync(string dir, string data, IAnsiConsole console, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        console.Write(new Rule("7. Release (ricord release build, ricord release verify)").LeftJustified());
        string release = Path.Combine(dir, "release-1.0.0");
        var arguments = new ReleaseBuildArguments([Collection], "1.0.0", new DirectoryInfo(release)) { Actor = Actor };
        int code = await ReleaseCommand.RunBuildAsync(arguments, new DirectoryInfo(data), stdout, stderr, token).ConfigureAwait(false);
        if (code != ExitCodes.Success)
        {
            return code;
        }

        code = await ReleaseCommand.RunVerifyAsync(new DirectoryInfo(release), null, new DirectoryInfo(data), stdout, stderr, token).ConfigureAwait(false);
        console.WriteLine(code == ExitCodes.Success
            ? $"Release: {release} (verified: hashes, splits, volumes against the DICOM, no link-table identifier in any byte)"
            : $"Release: {release} FAILED verification (see above)");
        return code;
    }
}
