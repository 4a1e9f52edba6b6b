using System.Diagnostics;

namespace Ricord.Dicom.Tests.IO;

/// <summary>Opening anything but a regular file fails at once: a named pipe in a folder of exports blocked a plain
/// open until something wrote to it, so every reader of a folder (ingest, `ricord deid`, the release import) hung.</summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ricord-regular-file-").FullName;

    [Fact]
    public async Task A_named_pipe_is_refused_without_blocking()
    {
        string fifo = Path.Combine(_root, "export.dcm");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Each on a worker with a generous limit: a regression hangs there instead of hanging the suite.
        var limit = TimeSpan.FromMinutes(1);
        await Assert.ThrowsAsync<NotRegularFileException>(() => Task.Run(() => RegularFile.OpenRead(fifo)).WaitAsync(limit));
        await Assert.ThrowsAsync<NotRegularFileException>(() => Task.Run(() => DicomFile.Open(fifo)).WaitAsync(limit));
        await Assert.ThrowsAsync<NotRegularFileException>(() => DicomFile.OpenAsync(fifo).WaitAsync(limit));
    }

    [Fact]
    public void A_device_is_refused_and_a_regular_file_is_opened()
    {
        Assert.Throws<NotRegularFileException>(() => RegularFile.OpenRead("/dev/null"));
        string file = Path.Combine(_root, "a.bin");
        File.WriteAllBytes(file, [1, 2, 3]);
        using var handle = RegularFile.OpenRead(file);
        Assert.Equal(3, RandomAccess.GetLength(handle));
    }

    [Fact]
    public void A_missing_file_says_so_without_its_path()
    {
        string missing = Path.Combine(_root, "MRN7730041", "a.dcm");
        var ex = Assert.Throws<FileNotFoundException>(() => RegularFile.OpenRead(missing));
        Assert.DoesNotContain("MRN7730041", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
