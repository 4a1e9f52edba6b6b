using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ricord.Dicom;

namespace Ricord.Testing;

/// <summary>Copies a synthetic release's files into the layouts real downloads have (RICORD.md §2.2), or into chaos.</summary>
internal static class ReleaseLayouts
{
    /// <summary>
    /// Flat folder, names from a hash (so path order is unrelated to slice order), and in every series Instance Number
    /// reversed and shuffled: only Image Position (Patient) can give the right order.
    /// </summary>
    public static void Scrambled(IEnumerable<string> files, string target)
    {
        var random = new Random(5);
        foreach (var bySeries in files.Select(f => (File: f, Dicom: DicomFile.Open(f))).GroupBy(x => x.Dicom.Dataset.GetString(DicomTags.SeriesInstanceUID)))
        {
            var items = bySeries.ToList();
            var numbers = Enumerable.Range(1, items.Count).ToArray();
            random.Shuffle(numbers);
            for (int i = 0; i < items.Count; i++)
            {
                var d = items[i].Dicom;
                d.Dataset.SetIntegerString(DicomTags.InstanceNumber, numbers[i]);
                string name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(items[i].File)))[..16];
                d.Save(Path.Combine(target, name));
            }
        }
    }

    /// <summary>
    /// TCIA/NBIA: <c>MIDRC-RICORD-1A/&lt;PatientID&gt;/&lt;MM-DD-YYYY&gt;-NA-&lt;desc&gt;-&lt;5&gt;/&lt;n.000000&gt;-&lt;desc&gt;-&lt;5&gt;/1-NNN.dcm</c>,
    /// file numbers in an order unrelated to position, and an NBIA metadata.csv.
    /// </summary>
    public static void Tcia(IEnumerable<string> files, string target)
    {
        var csv = new StringBuilder("Series UID,Collection,Subject ID,Study UID,File Location\n");
        foreach (var series in files.Select(f => (File: f, Ds: DicomFile.Open(f, new DicomReadOptions { StopBeforePixelData = true }).Dataset))
            .GroupBy(x => x.Ds.GetString(DicomTags.SeriesInstanceUID)!))
        {
            var ds = series.First().Ds;
            string study = ds.GetString(DicomTags.StudyInstanceUID)!;
            string date = ds.GetDate(DicomTags.StudyDate) is { } dt ? dt.ToString("MM-dd-yyyy", CultureInfo.InvariantCulture) : "01-01-2000";
            string studyDir = $"{date}-NA-{Clean(ds.GetString(DicomTags.StudyDescription))}-{study[^5..]}";
            string seriesDir = $"{(ds.GetDouble(DicomTags.SeriesNumber) ?? 0).ToString("F6", CultureInfo.InvariantCulture)}-{Clean(ds.GetString(DicomTags.SeriesDescription))}-{series.Key[^5..]}";
            string rel = Path.Combine("MIDRC-RICORD-1A", ds.GetString(DicomTags.PatientID) ?? "NA", studyDir, seriesDir);
            string dir = Path.Combine(target, rel);
            Directory.CreateDirectory(dir);
            int n = 1;
            foreach (var f in series.OrderByDescending(x => x.Ds.GetString(DicomTags.SOPInstanceUID), StringComparer.Ordinal))
            {
                File.Copy(f.File, Path.Combine(dir, $"1-{n++:000}.dcm"));
            }

            csv.Append(CultureInfo.InvariantCulture, $"{series.Key},MIDRC-RICORD-1A,{ds.GetString(DicomTags.PatientID)},{study},./{rel.Replace('\\', '/')}\n");
        }

        File.WriteAllText(Path.Combine(target, "metadata.csv"), csv.ToString());
    }

    /// <summary>MD.ai: <c>&lt;StudyUID&gt;/&lt;SeriesUID&gt;/&lt;SOPUID&gt;.dcm</c>.</summary>
    public static void Mdai(IEnumerable<string> files, string target)
    {
        foreach (var f in files)
        {
            var ds = DicomFile.Open(f, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
            string dir = Path.Combine(target, ds.GetString(DicomTags.StudyInstanceUID)!, ds.GetString(DicomTags.SeriesInstanceUID)!);
            Directory.CreateDirectory(dir);
            File.Copy(f, Path.Combine(dir, ds.GetString(DicomTags.SOPInstanceUID) + ".dcm"));
        }
    }

    private static string Clean(string? s) => string.IsNullOrWhiteSpace(s) ? "NA" : new string([.. s.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '-' ? ' ' : c)]).Trim();
}
