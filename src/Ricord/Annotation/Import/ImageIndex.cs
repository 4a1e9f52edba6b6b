using System.Collections.Concurrent;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Annotation.Import;

/// <summary>
/// The DICOM files of a release indexed by SOPInstanceUID from their headers (built by <see cref="ImageIndexer"/>),
/// whatever the folder layout; series are put in geometric order on demand (<see cref="Order"/>).
/// </summary>
public sealed class ImageIndex
{
    private readonly Dictionary<string, IndexedInstance> _instances;
    private readonly Dictionary<string, List<IndexedInstance>> _series;
    private readonly ConcurrentDictionary<string, SeriesOrder> _orders = new(StringComparer.Ordinal);

    internal ImageIndex(string root, IEnumerable<IndexedInstance> instances, IReadOnlyList<UnreadableFile> unreadable,
        IReadOnlyList<IndexedInstance> duplicates, ReleaseLayout layout, IReadOnlyList<string> metadataFiles)
    {
        Root = root;
        _instances = new Dictionary<string, IndexedInstance>(StringComparer.Ordinal);
        foreach (var i in instances)
        {
            _instances.TryAdd(i.SopInstanceUid, i);
        }

        _series = _instances.Values.GroupBy(i => i.SeriesInstanceUid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Studies = _instances.Values.Select(i => i.StudyInstanceUid).ToHashSet(StringComparer.Ordinal);
        Unreadable = unreadable;
        Duplicates = duplicates;
        Layout = layout;
        MetadataFiles = metadataFiles;
    }

    public string Root { get; }

    /// <summary>Every usable instance by SOPInstanceUID (the first file in path order where a UID occurs twice).</summary>
    public IReadOnlyDictionary<string, IndexedInstance> Instances => _instances;

    public IReadOnlySet<string> Studies { get; }

    public IEnumerable<string> Series => _series.Keys;

    public IReadOnlyList<UnreadableFile> Unreadable { get; }

    /// <summary>Further files carrying a SOPInstanceUID already indexed.</summary>
    public IReadOnlyList<IndexedInstance> Duplicates { get; }

    public ReleaseLayout Layout { get; }

    /// <summary>NBIA <c>metadata.csv</c> files found (informative; headers are what counts).</summary>
    public IReadOnlyList<string> MetadataFiles { get; }

    /// <summary>The index less the instances (and duplicate files) of withdrawn studies and series (<see cref="WithdrawnList"/>).</summary>
    public ImageIndex Without(IReadOnlySet<string> withdrawn)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        return new ImageIndex(Root, _instances.Values.Where(i => !withdrawn.Covers(i.StudyInstanceUid, i.SeriesInstanceUid)), Unreadable,
            [.. Duplicates.Where(i => !withdrawn.Covers(i.StudyInstanceUid, i.SeriesInstanceUid))], Layout, MetadataFiles);
    }

    public bool HasSeries(string seriesInstanceUid) => _series.ContainsKey(seriesInstanceUid);

    public IReadOnlyList<IndexedInstance> InstancesOf(string seriesInstanceUid) => _series.TryGetValue(seriesInstanceUid, out var list) ? list : [];

    /// <summary>The series in geometric order (computed once); null for a series not in the index.</summary>
    public SeriesOrder? Order(string seriesInstanceUid) =>
        _series.TryGetValue(seriesInstanceUid, out var list) ? _orders.GetOrAdd(seriesInstanceUid, _ => Assemble(list)) : null;

    private static SeriesOrder Assemble(List<IndexedInstance> list)
    {
        var first = list[0];
        try
        {
            var volume = SeriesVolume.Assemble(list.Select(i => i.Geometry));
            var bySop = list.ToDictionary(i => i.SopInstanceUid, i => i.Geometry, StringComparer.Ordinal);
            var kept = SliceStack.Of(volume, u => bySop.GetValueOrDefault(u)).Select(s => s.SopInstanceUid).ToList();
            var keptSet = kept.ToHashSet(StringComparer.Ordinal);
            var leftOut = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var issue in volume.Issues)
            {
                foreach (var uid in issue.SopInstanceUids.Where(u => !keptSet.Contains(u)))
                {
                    leftOut.TryAdd(uid, $"{issue.Kind}: {issue.Message}");
                }
            }

            foreach (var i in list.Where(i => !keptSet.Contains(i.SopInstanceUid)))
            {
                leftOut.TryAdd(i.SopInstanceUid, "not in the assembled volume");
            }

            return new SeriesOrder(first.SeriesInstanceUid, first.StudyInstanceUid, volume.Rows, volume.Columns, true, kept, leftOut,
                [.. volume.Issues.Select(i => $"{i.Kind}: {i.Message}")]);
        }
        catch (VolumeException ex)
        {
            var uids = list.Select(i => i.SopInstanceUid).Order(StringComparer.Ordinal).ToList();
            return new SeriesOrder(first.SeriesInstanceUid, first.StudyInstanceUid, first.Rows, first.Columns, false, uids,
                new Dictionary<string, string>(), [ex.Message]);
        }
    }
}
