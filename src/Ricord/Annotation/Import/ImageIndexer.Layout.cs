using System.Text.RegularExpressions;

namespace Ricord.Annotation.Import;

public static partial class ImageIndexer
{
    /// <summary>Which layout the paths follow: MD.ai when folder and file names are the UIDs; TCIA when the study and series folders end in the last five digits of their UIDs (RICORD.md §2.2).</summary>
    internal static ReleaseLayout DetectLayout(string root, IReadOnlyList<IndexedInstance> instances)
    {
        int mdai = 0, tcia = 0;
        foreach (var i in instances)
        {
            var parts = Path.GetRelativePath(root, i.Path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (parts.Length < 3)
            {
                continue;
            }

            string studyDir = parts[^3], seriesDir = parts[^2];
            if (studyDir == i.StudyInstanceUid && seriesDir == i.SeriesInstanceUid && Path.GetFileNameWithoutExtension(parts[^1]) == i.SopInstanceUid)
            {
                mdai++;
            }
            else if (TciaStudy().Match(studyDir) is { Success: true } st && i.StudyInstanceUid.EndsWith(st.Groups[1].Value, StringComparison.Ordinal)
                && TciaSeries().Match(seriesDir) is { Success: true } se && i.SeriesInstanceUid.EndsWith(se.Groups[1].Value, StringComparison.Ordinal))
            {
                tcia++;
            }
        }

        int other = instances.Count - mdai - tcia;
        return (mdai, tcia, other) switch
        {
            (0, 0, _) => ReleaseLayout.Unknown,
            (> 0, 0, 0) => ReleaseLayout.MdaiUid,
            (0, > 0, 0) => ReleaseLayout.TciaNbia,
            _ => ReleaseLayout.Mixed,
        };
    }

    // <MM-DD-YYYY>-<StudyID|NA>-<StudyDescription|NA>-<last 5 digits of StudyInstanceUID>
    [GeneratedRegex(@"^\d{2}-\d{2}-\d{4}-.*-(\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex TciaStudy();

    // <SeriesNumber as float>-<SeriesDescription|NA>-<last 5 digits of SeriesInstanceUID>
    [GeneratedRegex(@"^-?\d+(?:\.\d+)?-.*-(\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex TciaSeries();
}
