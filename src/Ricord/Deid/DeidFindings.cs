using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// What the closed-world rules and the residual-identifier scan did to one data set, by attribute path
/// (keywords joined by '/', e.g. "RequestAttributesSequence/RequestedProcedureComments"). Paths and
/// counts only: never a value.
/// </summary>
public sealed class DeidFindings
{
    private readonly Dictionary<string, int> _binaryRemoved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _residualHits = new(StringComparer.Ordinal);

    /// <summary>Binary values (OB, OW, OF, OD, OL, OV, UN) whose action was Clean, Dummy or unknown: removed or zeroed.</summary>
    public IReadOnlyDictionary<string, int> BinaryRemoved => _binaryRemoved;

    /// <summary>Elements that still held a known identifier after the rules ran, and were removed.</summary>
    public IReadOnlyDictionary<string, int> ResidualHits => _residualHits;

    /// <summary>Set when a known identifier sits where it cannot be cleaned (e.g. an encapsulated document): the instance needs review.</summary>
    public string? UncleanableHit { get; internal set; }

    public int BinaryRemovedCount => _binaryRemoved.Values.Sum();

    public int ResidualHitCount => _residualHits.Values.Sum();

    internal void AddBinary(string path) => _binaryRemoved[path] = _binaryRemoved.GetValueOrDefault(path) + 1;

    internal void AddResidual(string path) => _residualHits[path] = _residualHits.GetValueOrDefault(path) + 1;

    /// <summary>"Keyword" for a tag, "(gggg,eeee)" when the dictionary does not know it (private elements).</summary>
    internal static string Name(DicomTag tag) =>
        !tag.IsPrivate && DicomDictionary.Find(tag) is { Keyword.Length: > 0 } entry ? entry.Keyword : tag.ToString();
}
