using System.Diagnostics;
using System.Text.Json;

namespace Ricord.Dicom.Tests.CharacterSets;

/// <summary>One text element of a pydicom charset file: raw bytes as stored and pydicom's decoded values.</summary>
public sealed record PydicomTextValue(string File, string Tag, DicomVR VR, string[] Terms, byte[] Raw, string[] Values);

/// <summary>Runs dump_charset_values.py with /usr/bin/python3 (which has pydicom) once per test run.</summary>
public static class PydicomCharsetOracle
{
    public const string CharsetFiles = "/usr/lib/python3/dist-packages/pydicom/data/charset_files";
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<IReadOnlyList<PydicomTextValue>> Values = new(Run);

    public static IReadOnlyList<PydicomTextValue> All => Values.Value;

    /// <summary>The charset files, or one name that makes the test fail loudly when pydicom's data is missing.</summary>
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        var files = Directory.Exists(CharsetFiles) ? Directory.GetFiles(CharsetFiles, "*.dcm") : [];
        foreach (var f in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        if (files.Length == 0)
        {
            data.Add("<pydicom charset_files missing>");
        }

        return data;
    }

    private static List<PydicomTextValue> Run()
    {
        Assert.True(File.Exists(Python), $"{Python} is required (python3-pydicom): it is the oracle for these tests");
        Assert.True(Directory.Exists(CharsetFiles), $"{CharsetFiles} is missing: install python3-pydicom");
        var files = Directory.GetFiles(CharsetFiles, "*.dcm").Order(StringComparer.Ordinal).ToList();
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script());
        files.ForEach(psi.ArgumentList.Add);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dump_charset_values.py failed ({process.ExitCode}): {stderr.Result}");

        var result = new List<PydicomTextValue>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string vr = root.GetProperty("vr").GetString()!;
            result.Add(new PydicomTextValue(
                root.GetProperty("file").GetString()!,
                root.GetProperty("tag").GetString()!,
                (DicomVR)((vr[0] << 8) | vr[1]),
                [.. root.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!)],
                Convert.FromHexString(root.GetProperty("hex").GetString()!),
                [.. root.GetProperty("values").EnumerateArray().Select(t => t.GetString()!)]));
        }

        Assert.NotEmpty(result);
        return result;
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Ricord.Dicom.Tests", "CharacterSets", "dump_charset_values.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("dump_charset_values.py not found above " + AppContext.BaseDirectory);
    }
}
