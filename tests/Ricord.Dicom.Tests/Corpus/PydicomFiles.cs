namespace Ricord.Dicom.Tests.Corpus;

/// <summary>The real DICOM files shipped in Debian's python3-pydicom: our conformance corpus.</summary>
public static class PydicomFiles
{
    public const string Root = "/usr/lib/python3/dist-packages/pydicom/data";

    /// <summary>Files that are deliberately broken; reading them must fail with a located error.</summary>
    public static readonly string[] Broken = [
        "test_files/MR_truncated.dcm", "test_files/rtplan_truncated.dcm",
        "test_files/no_meta.dcm", // starts one byte off: its first "element" claims 173 MB (dcmtk rejects it too)
    ];

    /// <summary>Every .dcm file under test_files, charset_files and palettes, relative to <see cref="Root"/>.</summary>
    public static IEnumerable<string> All()
    {
        if (!Directory.Exists(Root))
        {
            throw new InvalidOperationException($"{Root} is missing: install python3-pydicom (the test script does)");
        }

        return new[] { "test_files", "charset_files", "palettes" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.dcm", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, f))
            .Order(StringComparer.Ordinal);
    }

    public static IEnumerable<string> Readable() => All().Where(f => !Broken.Contains(f));

    public static TheoryData<string> ReadableData() => [.. Readable()];

    public static TheoryData<string> BrokenData() => [.. Broken];

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
