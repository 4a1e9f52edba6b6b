using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Dicom.Imaging;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord quarantine release ID --blank</c>: the curator's way out for an instance with burned-in text.</summary>
public static partial class QuarantineCommand
{
    /// <summary>The entry's bytes with the matching blanking rule applied, or null (with the reason on <paramref name="stderr"/>).</summary>
    private static async Task<byte[]?> BlankAsync(Hosting.RicordDataDirectory dir, QuarantineEntry entry, byte[] bytes, FileInfo? rulesFile,
        TextWriter stderr, CancellationToken ct)
    {
        try
        {
            var rules = rulesFile is null ? PixelRules.Default : PixelRules.Parse(await File.ReadAllTextAsync(rulesFile.FullName, ct).ConfigureAwait(false));
            var file = DicomFile.Read(bytes);
            if (rules.MatchBlanking(file.Dataset) is not { } rule)
            {
                stderr.WriteLine($"ricord quarantine: no blanking rule matches entry {entry.Id} (its make, model and image size); add one to a rules file and pass --rules FILE");
                return null;
            }

            byte[] blanked = PixelBlanker.Blank(file, rule).ToBytes();
            await dir.Catalog.AuditAsync(Environment.UserName, "quarantine-blank", $"quarantine entry {entry.Id}",
                $"pixel regions blanked by rule '{rule.Name}' ({rule.Regions.Count} region(s)) before release", ct).ConfigureAwait(false);
            return blanked;
        }
        catch (Exception ex) when (ex is DicomFormatException or DeidentificationException or PixelDataException or IOException)
        {
            stderr.WriteLine($"ricord quarantine: entry {entry.Id} cannot be blanked: {ex.Message}");
            return null;
        }
    }
}
