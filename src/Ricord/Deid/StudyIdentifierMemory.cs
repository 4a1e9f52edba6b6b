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
    private readonly ConcurrentDictionary<string, KnownIdentifiers> _studies = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="instance"/>'s identifiers to the study's and returns the union seen so far.</summary>
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

        var study = _studies.GetOrAdd(studyUid, _ => new KnownIdentifiers());
        var union = new KnownIdentifiers();
        lock (study)
        {
            study.UnionWith(instance);
            union.UnionWith(study);
        }

        return union;
    }
}
