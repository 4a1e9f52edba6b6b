using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Mdai;

/// <summary>What one reader (group name or creator id, see <see cref="MdaiReaderKey"/>) said about one study.</summary>
public sealed record MdaiRead(string StudyInstanceUid, string Reader, bool IsAdjudication, ReadContent Content)
{
    /// <summary>The same read with every Study, Series and SOP Instance UID passed through <paramref name="map"/>
    /// (e.g. an export made on the site's original UIDs, remapped as de-identification remapped the images).</summary>
    public MdaiRead MapUids(Func<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        string? Map(string? uid) => uid is null ? null : map(uid);
        return this with
        {
            StudyInstanceUid = map(StudyInstanceUid),
            Content = new ReadContent(
                [.. Content.Labels.Select(l => l with { SeriesInstanceUid = Map(l.SeriesInstanceUid), SopInstanceUid = Map(l.SopInstanceUid) })],
                [.. Content.Shapes.Select(s => s with { SeriesInstanceUid = map(s.SeriesInstanceUid), SopInstanceUid = map(s.SopInstanceUid) })]),
        };
    }
}
