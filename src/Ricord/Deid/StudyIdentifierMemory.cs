using System.Collections.Concurrent;

namespace Ricord.Deid;

/// <summary>
/// Identifiers seen in any instance of a study (an institution or physician named in one instance is searched
/// for in the others), keyed by the original StudyInstanceUID. Memory only, bounded: when it holds more
/// than <see cref="MaxStudies"/> studies it starts afresh, so a long run cannot grow without limit.
/// </summary>
internal sealed class StudyIdentifierMemory
{
    private const int MaxStudies = 4096;
    private readonly ConcurrentDictionary<string, Entry> _studies = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds <paramref name="instance"/>'s identifiers to the study's and returns the union seen so far. A returned set is
    /// never changed afterwards: while instances add nothing new (the usual case: every slice names the same patient),
    /// they share one set and its prepared lookups.
    /// </summary>
    public KnownIdentifiers Merge(string studyUid, KnownIdentifiers instance)
    {
        if (studyUid.Length == 0)
        {
            return instance;
        }

        if (_studies.Count > MaxStudies)
        {
            _studies.Clear();
        }

        var entry = _studies.GetOrAdd(studyUid, _ => new Entry());
        lock (entry)
        {
            if (entry.Snapshot is { } snapshot && snapshot.Covers(instance))
            {
                return snapshot;
            }

            var union = new KnownIdentifiers();
            if (entry.Snapshot is { } previous)
            {
                union.UnionWith(previous);
            }

            union.UnionWith(instance);
            entry.Snapshot = union;
            return union;
        }
    }

    private sealed class Entry
    {
        public KnownIdentifiers? Snapshot { get; set; }
    }
}
