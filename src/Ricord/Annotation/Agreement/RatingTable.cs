namespace Ricord.Annotation.Agreement;

/// <summary>
/// The ratings of one label group: studies × readers, each cell a category index or −1 where the reader did
/// not rate the study (missing reads are allowed everywhere). <see cref="Ranks"/> gives each category's
/// ordinal rank (null for an unordered category such as <c>Invalid Study</c>, or an unordered group).
/// <see cref="ConsensusOf"/> optionally gives each study's decided category (−1: none), e.g. after adjudication;
/// without it the statistics use the strict majority of the ratings.
/// </summary>
public sealed partial class RatingTable
{
    public const int Missing = -1;

    private readonly int[] _codes;
    private readonly int[]? _consensus;

    public RatingTable(string group, IReadOnlyList<string> categories, IReadOnlyList<int?> ranks, IReadOnlyList<string> readers, IReadOnlyList<string> studies, int[] codes, int[]? consensus = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(codes);
        if (ranks.Count != categories.Count)
        {
            throw new ArgumentException("one rank (or null) per category is required", nameof(ranks));
        }

        if (codes.Length != studies.Count * readers.Count)
        {
            throw new ArgumentException("codes must hold studies × readers cells", nameof(codes));
        }

        if (consensus is not null && consensus.Length != studies.Count)
        {
            throw new ArgumentException("consensus must hold one cell per study", nameof(consensus));
        }

        foreach (int c in codes)
        {
            if (c < Missing || c >= categories.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), c, "a code is −1 (missing) or a category index");
            }
        }

        Group = group;
        Categories = categories;
        Ranks = ranks;
        Readers = readers;
        Studies = studies;
        _codes = codes;
        _consensus = consensus;
    }

    public string Group { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<int?> Ranks { get; }

    public IReadOnlyList<string> Readers { get; }

    public IReadOnlyList<string> Studies { get; }

    /// <summary>Whether at least two categories have a rank, so weighted κ applies.</summary>
    public bool IsOrdinal => Ranks.Count(r => r is not null) >= 2;

    public bool HasConsensus => _consensus is not null;

    /// <summary>The category index reader <paramref name="reader"/> gave study <paramref name="study"/>, or −1.</summary>
    public int this[int study, int reader] => _codes[(study * Readers.Count) + reader];

    /// <summary>The given consensus category of a study, or −1 (also when no consensus was given).</summary>
    public int ConsensusOf(int study) => _consensus is null ? Missing : _consensus[study];

    internal ReadOnlySpan<int> Codes => _codes;
}
