using System.Text;
using System.Text.Json;
using Ricord.Deid;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// A synth export's phi-manifest.json: every planted value as byte needles to search stored bytes for, and the
/// dates and times each patient's files carry, to tell the de-identifier's own shifted values from leaks.
/// </summary>
internal sealed class PhiManifest
{
    private readonly List<Entry> _entries;

    private PhiManifest(List<Entry> entries) => _entries = entries;

    public sealed record Needle(string Value, string Kind, byte[] Bytes)
    {
        /// <summary>All digits: a date, time or number, which counts only as a whole token.</summary>
        public bool Numeric { get; } = Bytes.All(b => b is >= (byte)'0' and <= (byte)'9');
    }

    private sealed record Entry(string Value, string Kind, string Site, string[] Files);

    public static PhiManifest Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return new PhiManifest([.. doc.RootElement.EnumerateArray().Select(e => new Entry(
            e.GetProperty("value").GetString()!, e.GetProperty("kind").GetString()!, e.GetProperty("site").GetString()!,
            [.. e.GetProperty("files").EnumerateArray().Select(f => f.GetString()!)]))]);
    }

    /// <summary>
    /// Every value in UTF-8 and Latin-1 (and upper case). Study descriptions made only of the de-identifier's
    /// safe clinical vocabulary ("XR CHEST 1 VIEW AP") are not identifying and are kept on purpose.
    /// </summary>
    public List<Needle> Needles()
    {
        var safe = new HashSet<string>(DescriptorVocabulary.Words, StringComparer.OrdinalIgnoreCase);
        var needles = new List<Needle>();
        foreach (var (value, kind, _, _) in _entries)
        {
            if (value.Trim().Length < 4 || (kind == "StudyDescription" && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => safe.Contains(w) || (w.Length <= 3 && w.All(char.IsAsciiLetterOrDigit)))))
            {
                continue;
            }

            foreach (var v in new[] { value, value.ToUpperInvariant() }.Distinct())
            {
                needles.Add(new Needle(value, kind, Encoding.UTF8.GetBytes(v)));
                if (v.All(c => c < 256))
                {
                    needles.Add(new Needle(value, kind, Encoding.Latin1.GetBytes(v)));
                }
            }
        }

        return needles;
    }

    /// <summary>
    /// By pseudonym: the DICOM dates, times and date-times planted in that patient's files, shifted as the
    /// de-identifier shifts them with the patient's secret offsets from the link table. One patient's shifted
    /// time can equal another value planted elsewhere (seed 11 once stored a StudyTime 135900 shifted by 11 h 50 min
    /// as 014900, another patient's InstanceCreationTime); such a value is the de-identifier's, not a leak.
    /// </summary>
    public Dictionary<string, HashSet<string>> ShiftedByPseudonym(ILinkTable links, string collection)
    {
        var patientOfFile = new Dictionary<string, (string Site, string Id)>(StringComparer.Ordinal);
        foreach (var e in _entries.Where(e => e.Kind == "PatientID"))
        {
            foreach (var f in e.Files.Where(IsDicom))
            {
                patientOfFile[f] = (e.Site, e.Value);
            }
        }

        var shifted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in _entries.Where(e => e.Kind is "Date" or "PatientBirthDate" or "Time" or "DateTime"))
        {
            foreach (var f in e.Files.Where(patientOfFile.ContainsKey))
            {
                var (site, id) = patientOfFile[f];
                if (links.FindPatient(site, id, collection) is not [var (_, link)])
                {
                    continue; // never ingested (quarantined): nothing of it is stored
                }

                string? value = e.Kind switch
                {
                    "Time" => DateShifter.ShiftTime(e.Value, DateShifter.TimeOffsetSeconds(link.DateOffsetDays)),
                    "DateTime" => DateShifter.ShiftDateTime(e.Value, link.DateOffsetDays),
                    _ => DateShifter.ShiftDate(e.Value, link.DateOffsetDays),
                };
                if (value is not null)
                {
                    shifted.TryAdd(link.Pseudonym, new HashSet<string>(StringComparer.Ordinal));
                    shifted[link.Pseudonym].Add(value);
                }
            }
        }

        return shifted;
    }

    private static bool IsDicom(string file) => file.Contains("/dicom/", StringComparison.Ordinal);
}
