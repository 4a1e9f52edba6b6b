using System.Collections.Concurrent;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Identifiers seen in any instance of a study (an institution or physician named in one instance is searched
/// for in the others), keyed by the original StudyInstanceUID. Memory only, bounded: when it holds more
/// than <see cref="MaxStudies"/> studies it starts afresh, so a long run cannot grow without limit.
/// A returned set is never changed afterwards, so instances that add nothing new (the usual case: every slice
/// names the same patient, the same physicians) share one set and its prepared lookups, and an instance whose
/// identifying values are byte for byte those of the study's previous one is not parsed again.
/// </summary>
internal sealed class StudyIdentifierMemory
{
    private const int MaxStudies = 4096;
    private readonly ConcurrentDictionary<string, Entry> _studies = new(StringComparer.Ordinal);

    /// <summary>One identifying value as the walk met it: the element typed by the dictionary, and its data set's character set.</summary>
    public readonly record struct Source(DicomElement Element, DicomCharacterSet Charset);

    /// <summary>The identifiers of the study so far, with those of <paramref name="sources"/> (one instance's identifying values) added.</summary>
    public KnownIdentifiers Resolve(string studyUid, IReadOnlyList<Source> sources, CompiledProfile rules)
    {
        if (studyUid.Length == 0)
        {
            return Build(sources, rules);
        }

        if (_studies.Count > MaxStudies)
        {
            _studies.Clear();
        }

        var entry = _studies.GetOrAdd(studyUid, _ => new Entry());
        lock (entry)
        {
            if (entry.Snapshot is { } same && entry.SameAsLast(sources))
            {
                return same;
            }
        }

        var instance = Build(sources, rules);
        lock (entry)
        {
            entry.Remember(sources);
            return entry.Add(instance);
        }
    }

    /// <summary>Adds <paramref name="instance"/>'s identifiers to the study's and returns the union seen so far.</summary>
    public KnownIdentifiers Merge(string studyUid, KnownIdentifiers instance)
    {
        if (studyUid.Length == 0)
        {
            return instance;
        }

        var entry = _studies.GetOrAdd(studyUid, _ => new Entry());
        lock (entry)
        {
            return entry.Add(instance);
        }
    }

    private static KnownIdentifiers Build(IReadOnlyList<Source> sources, CompiledProfile rules)
    {
        var known = new KnownIdentifiers();
        foreach (var s in sources)
        {
            known.Add(s.Element, s.Charset, rules);
        }

        return known;
    }

    private sealed class Entry
    {
        private (uint Tag, byte[] Bytes)[] _last = [];

        public KnownIdentifiers? Snapshot { get; set; }

        public bool SameAsLast(IReadOnlyList<Source> sources)
        {
            if (sources.Count != _last.Length)
            {
                return false;
            }

            for (int i = 0; i < _last.Length; i++)
            {
                if (sources[i].Element.Tag.Value != _last[i].Tag || !sources[i].Element.Bytes.SequenceEqual(_last[i].Bytes))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The study's set with <paramref name="instance"/>'s added: the same set when nothing is new, else a new one (a published set never changes). Call under the entry's lock.</summary>
        public KnownIdentifiers Add(KnownIdentifiers instance)
        {
            if (Snapshot is { } snapshot && snapshot.Covers(instance))
            {
                return snapshot;
            }

            var union = new KnownIdentifiers();
            if (Snapshot is { } previous)
            {
                union.UnionWith(previous);
            }

            union.UnionWith(instance);
            Snapshot = union;
            return union;
        }

        public void Remember(IReadOnlyList<Source> sources) =>
            _last = [.. sources.Select(s => (s.Element.Tag.Value, s.Element.Bytes.ToArray()))];
    }
}
