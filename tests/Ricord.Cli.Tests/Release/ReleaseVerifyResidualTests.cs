using System.Globalization;
using System.Text;
using System.Text.Json;
using Ricord.Cli.Tests.Commands;
using Ricord.Dicom;
using Ricord.Release;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// `ricord release verify` applies the de-identification's residual-identifier rules: with every synthetic patient's
/// name and birth date given (--identifiers name:/birthdate: lines) a clean release passes (no false alarm), and an
/// identity written differently from the original — a name token in another case and order, a birth date as DD/MM/YYYY,
/// a link-table ID with a space in it — planted in a CSV cell, a NIfTI header description, a JSON string, a DICOM
/// element and DICOM pixel bytes, fails verification naming each file and never the value.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseVerifyResidualTests(ReleasePipeline pipeline)
{
    [Fact]
    public void Verify_finds_identities_written_differently_in_every_kind_of_file()
    {
        var phi = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pipeline.Synth, "phi-manifest.json"))).RootElement.EnumerateArray()
            .Select(e => (Kind: e.GetProperty("kind").GetString()!, Value: e.GetProperty("value").GetString()!)).ToList();
        var names = phi.Where(e => e.Kind == "PatientName").Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();
        var births = phi.Where(e => e.Kind == "PatientBirthDate").Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();
        string identities = Path.Combine(pipeline.Root, "identities-" + Guid.NewGuid().ToString("N")[..6] + ".txt");
        File.WriteAllLines(identities, [.. names.Select(n => "name:" + n), .. births.Select(b => "birthdate:" + b)]);

        var (code, output, error) = InProcessCli.Run("release", "verify", pipeline.Release, "--data", pipeline.Data, "--identifiers", identities);
        Assert.True(code == 0, output + error);

        string copy = Path.Combine(pipeline.Root, "residual-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (string file in Directory.EnumerateFiles(pipeline.Release, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(pipeline.Release, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string family = names.Select(n => n.Split('^')[0]).First(f => f.Length >= 5 && f.All(char.IsAsciiLetter));
        string planted = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(family.ToLowerInvariant());
        var birth = DateOnly.ParseExact(births[0], "yyyyMMdd", CultureInfo.InvariantCulture);
        string mrn = LinkTableIdentifiers.Read(Path.Combine(pipeline.Data, "secrets", "link.db")).First(m => m.Length >= 6);

        // A CSV cell, a JSON string, the card (an original ID split by a space), a NIfTI header description.
        File.AppendAllText(Path.Combine(copy, "clinical.csv"), $"x,seen by Dr {planted.ToLowerInvariant()} today\n");
        string croissant = Path.Combine(copy, "croissant.json");
        File.WriteAllText(croissant, File.ReadAllText(croissant).Replace("\"description\": \"", $"\"description\": \"born {birth:dd/MM/yyyy} ", StringComparison.Ordinal));
        File.AppendAllText(Path.Combine(copy, "README.md"), $"\nrecord {mrn[..3]} {mrn[3..].ToLowerInvariant()}\n");
        string nifti = Directory.EnumerateFiles(Path.Combine(copy, "nifti"), "*.nii", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var header = File.ReadAllBytes(nifti);
        Encoding.ASCII.GetBytes($"pt {planted}\0").CopyTo(header, 148);
        File.WriteAllBytes(nifti, header);

        // A DICOM element, and letters in another instance's pixel bytes.
        var dicoms = Directory.EnumerateFiles(Path.Combine(copy, "dicom"), "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var dicom = DicomFile.Open(dicoms[0]);
        dicom.Dataset.SetString(DicomTags.SeriesDescription, DicomVR.LO, $"CT chest {planted.ToLowerInvariant()}");
        string saved = dicoms[0] + ".new";
        dicom.Save(saved);
        File.Move(saved, dicoms[0], overwrite: true);
        var pixels = File.ReadAllBytes(dicoms[1]);
        Encoding.ASCII.GetBytes($"~{planted}~").CopyTo(pixels, pixels.Length - 20);
        File.WriteAllBytes(dicoms[1], pixels);

        (code, output, _) = InProcessCli.Run("release", "verify", copy, "--data", pipeline.Data, "--identifiers", identities);
        Assert.Equal(ExitCodes.InvalidInput, code);
        foreach (string file in new[] { "clinical.csv", "croissant.json", "README.md", Rel(copy, nifti), Rel(copy, dicoms[0]), Rel(copy, dicoms[1]) })
        {
            Assert.Contains($"{file}: a known identity is in", output, StringComparison.Ordinal);
        }

        Assert.Contains("NIfTI header descrip", output, StringComparison.Ordinal);
        Assert.Contains("DICOM SeriesDescription", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(family, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mrn, output, StringComparison.Ordinal);
        Assert.DoesNotContain(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
    }

    private static string Rel(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
