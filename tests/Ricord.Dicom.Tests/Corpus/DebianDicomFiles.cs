using System.Text;
using Ricord.Dicom.Tests.Peers;

namespace Ricord.Dicom.Tests.Corpus;

/// <summary>
/// Every DICOM file that the Debian packages installed by test.sh put on the machine (found with `dpkg-query -L`):
/// files with "DICM" after a 128-byte preamble, and *.dcm files without one (bare data sets).
/// </summary>
public static class DebianDicomFiles
{
    /// <summary>The packages test.sh installs that ship DICOM files (test data, examples) or the tools that read them.</summary>
    public static readonly string[] Packages = ["dcmtk", "libdcmtk17", "dicom3tools", "dcm2niix", "libgdcm-tools", "libgdcm3.0", "python3-pydicom"];

    private static readonly Lazy<string[]> Files = new(Find);

    /// <summary>Absolute paths, sorted; fails when a package is missing (test.sh installs them).</summary>
    public static IReadOnlyList<string> All => Files.Value;

    /// <summary>As <see cref="All"/>, less pydicom's deliberately broken files (<see cref="PydicomFiles.Broken"/>).</summary>
    public static IEnumerable<string> Readable() =>
        All.Where(f => !PydicomFiles.Broken.Any(b => f == PydicomFiles.PathOf(b)));

    private static string[] Find()
    {
        var (code, stdout, stderr) = PeerTool.Run("dpkg-query", ["-L", .. Packages]);
        if (code != 0)
        {
            throw new InvalidOperationException($"dpkg-query -L failed ({code}): {stderr.Trim()}; run ./test.sh, which installs {string.Join(", ", Packages)}");
        }

        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Where(IsDicom)
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsDicom(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return false;
        }

        if (path.EndsWith(".dcm", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (info.Length < 132)
        {
            return false;
        }

        using var stream = info.OpenRead();
        Span<byte> head = stackalloc byte[132];
        stream.ReadExactly(head);
        return head[128..].SequenceEqual(Encoding.ASCII.GetBytes("DICM"));
    }
}
