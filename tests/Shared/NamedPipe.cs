using System.Diagnostics;

namespace Ricord.Testing;

/// <summary>Makes a named pipe (FIFO), as a folder of exports may hold one: opening it for reading blocks until a
/// writer comes, so a reader that does not check the file type hangs.</summary>
internal static class NamedPipe
{
    public static void Create(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
