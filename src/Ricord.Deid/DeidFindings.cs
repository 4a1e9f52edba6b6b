using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// What the closed-world rules and the residual-identifier scan did to one data set, by attribute path
/// (keywords joined by '/', e.g. "RequestAttributesSequence/RequestedProcedureComments"). Paths and
/// counts only: never a value.
/// </summary>
public sealed class DeidFindings
{
    private static readonly Dictionary<string, int> None = [];

    // Created on the first finding: most instances have none.
    private Dictionary<string, int>? _binaryRemoved;
    private Dictionary<string, int>? _residualHits;

    /// <summary>Binary values (OB, OW, OF, OD, OL, OV, UN) whose action was Clean, Dummy or unknown: removed or zeroed.</summary>
    public IReadOnlyDictionary<string, int> BinaryRemoved => _binaryRemoved ?? None;

    /// <summary>Elements that still held a known identifier after the rules ran, and were removed.</summary>
    public IReadOnlyDictionary<string, int> ResidualHits => _residualHits ?? None;

    /// <summary>Set when a known identifier sits where it cannot be cleaned (e.g. an encapsulated document): the instance needs review.</summary>
    public string? UncleanableHit { get; internal set; }

    internal void AddBinary(string path) => Add(_binaryRemoved ??= new(StringComparer.Ordinal), path);

    internal void AddResidual(string path) => Add(_residualHits ??= new(StringComparer.Ordinal), path);

    private static void Add(Dictionary<string, int> counts, string path) => counts[path] = counts.GetValueOrDefault(path) + 1;

    /// <summary>"Outer/Inner/Keyword": the keywords of the sequences <paramref name="tag"/> lies in, outermost first, and its own.</summary>
    internal static string PathOf(List<DicomTag> sequences, DicomTag tag) =>
        sequences.Count == 0 ? Name(tag) : string.Join('/', sequences.Select(Name)) + "/" + Name(tag);

    /// <summary>"Keyword" for a tag, "(gggg,eeee)" when the dictionary does not know it (private elements).</summary>
    internal static string Name(DicomTag tag) =>
        !tag.IsPrivate && DicomDictionary.Find(tag) is { Keyword.Length: > 0 } entry ? entry.Keyword : tag.ToString();
}
