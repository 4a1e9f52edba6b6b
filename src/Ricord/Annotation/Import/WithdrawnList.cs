using System.Text.RegularExpressions;
using Ricord.Annotation.Mdai;

namespace Ricord.Annotation.Import;

/// <summary>
/// TCIA's list of withdrawn studies and series: Study or Series Instance UIDs one a line, or its CSV (any column; every
/// cell that is a UID counts, headers and other cells are ignored). A withdrawn study or series is left out of the
/// import: its images are not ingested and its annotations make no read.
/// </summary>
public static partial class WithdrawnList
{
    public static IReadOnlySet<string> Read(string path)
    {
        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            foreach (string cell in line.Split([',', ';', '\t']))
            {
                string v = cell.Trim().Trim('"').Trim();
                if (v.Length <= 64 && Uid().IsMatch(v))
                {
                    uids.Add(v);
                }
            }
        }

        return uids.Count > 0 ? uids : throw new InvalidDataException("The withdrawn list holds no Study or Series Instance UID (one a line, or TCIA's CSV).");
    }

    /// <summary>Whether an instance of this study and series is withdrawn.</summary>
    public static bool Covers(this IReadOnlySet<string> withdrawn, string studyInstanceUid, string? seriesInstanceUid) =>
        withdrawn.Contains(studyInstanceUid) || (seriesInstanceUid is not null && withdrawn.Contains(seriesInstanceUid));

    /// <summary>The export less the withdrawn studies' and series' annotations and dataset studies; <paramref name="annotations"/>: how many left out.</summary>
    public static MdaiExport Without(this MdaiExport export, IReadOnlySet<string> withdrawn, out int annotations)
    {
        ArgumentNullException.ThrowIfNull(export);
        annotations = export.Annotations.Count(a => withdrawn.Covers(a.StudyInstanceUid, a.SeriesInstanceUid));
        return export with
        {
            Datasets = [.. export.Datasets.Select(d => d with
            {
                Studies = [.. d.Studies.Where(s => !withdrawn.Contains(s.StudyInstanceUid))],
                Annotations = [.. d.Annotations.Where(a => !withdrawn.Covers(a.StudyInstanceUid, a.SeriesInstanceUid))],
            })],
        };
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Uid();
}
