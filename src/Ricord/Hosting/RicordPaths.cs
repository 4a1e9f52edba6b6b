namespace Ricord.Hosting;

/// <summary>The fixed layout of a data directory. The secrets folder (mode 0700) holds the link table and the
/// quarantined originals; it is kept apart and never exported.</summary>
internal static class RicordPaths
{
    public static string Secrets(string root) => Path.Combine(root, "secrets");

    public static string LinkTable(string root) => Path.Combine(Secrets(root), "link.db");

    public static string Quarantine(string root) => Path.Combine(Secrets(root), "quarantine");

    public static string Blobs(string root) => Path.Combine(root, "blobs");

    /// <summary>Creates the data directory and its secrets folder, readable by the owner only.</summary>
    public static void EnsureSecrets(string root)
    {
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Secrets(root));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Secrets(root), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
