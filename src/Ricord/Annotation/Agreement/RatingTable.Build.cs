using Ricord.Annotation.Consensus;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Agreement;

public sealed partial class RatingTable
{
    /// <summary>
    /// A table from long-form ratings. Category names match after <see cref="LabelNames.Normalize"/>; readers are
    /// ordered by name (ordinal), studies by first appearance. A reader rating one study twice with different
    /// categories is an error; <paramref name="consensus"/> maps study → category where a study has one.
    /// </summary>
    public static RatingTable FromRatings(
        string group,
        IReadOnlyList<string> categories,
        IEnumerable<Rating> ratings,
        IReadOnlyList<int?>? ranks = null,
        IReadOnlyDictionary<string, string>? consensus = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(ratings);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < categories.Count; i++)
        {
            index.TryAdd(LabelNames.Normalize(categories[i]), i);
        }

        var list = ratings.ToList();
        var readers = list.Select(r => r.Reader).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var studies = list.Select(r => r.Study).Distinct(StringComparer.Ordinal).ToList();
        if (consensus is not null)
        {
            var known = studies.ToHashSet(StringComparer.Ordinal);
            studies.AddRange(consensus.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal));
        }

        var readerIndex = readers.Select((r, i) => (r, i)).ToDictionary(t => t.r, t => t.i, StringComparer.Ordinal);
        var studyIndex = studies.Select((s, i) => (s, i)).ToDictionary(t => t.s, t => t.i, StringComparer.Ordinal);
        var codes = new int[studies.Count * readers.Count];
        Array.Fill(codes, Missing);
        foreach (var r in list)
        {
            int code = CategoryIndex(index, r.Category, group);
            ref int cell = ref codes[(studyIndex[r.Study] * readers.Count) + readerIndex[r.Reader]];
            if (cell != Missing && cell != code)
            {
                throw new ArgumentException($"Reader '{r.Reader}' rated study '{r.Study}' twice in group '{group}' ('{categories[cell]}' and '{r.Category}').", nameof(ratings));
            }

            cell = code;
        }

        int[]? decided = null;
        if (consensus is not null)
        {
            decided = new int[studies.Count];
            Array.Fill(decided, Missing);
            foreach (var (study, category) in consensus)
            {
                decided[studyIndex[study]] = CategoryIndex(index, category, group);
            }
        }

        return new RatingTable(group, categories, ranks ?? [.. categories.Select(_ => (int?)null)], readers, studies, codes, decided);
    }

    /// <summary>
    /// The table of one STUDY-scope single-choice <paramref name="group"/> of <paramref name="schema"/> from submitted
    /// reads: each read's rating there by the consensus engine's own scope rules (<see cref="ReadAnswers.Rating"/>):
    /// missing where the read has none, two (a conflict kept from a published read), one its own answer rules out (a grade
    /// on a Negative read), or an exclusive label of another group beside it (an appearance on an Invalid Study read).
    /// Ranks come from the schema where the group is ordinal.
    /// </summary>
    public static RatingTable ForGroup(LabelSchema schema, LabelGroup group, IEnumerable<StudyRead> reads, IReadOnlyDictionary<string, string>? consensus = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(reads);
        var index = LabelSchemaIndex.Of(schema);
        var ratings = new List<Rating>();
        foreach (var read in reads)
        {
            if (new ReadAnswers(index, read.Read).Rating(group) is { } label)
            {
                ratings.Add(new Rating(read.Study, read.Reader, label.Name));
            }
        }

        var categories = group.Labels.Select(l => l.Name).ToList();
        var ranks = group.Labels.Select(l => group.Ordinal ? l.Ordinal : null).ToList();
        return FromRatings(group.Name, categories, ratings, ranks, consensus);
    }

    private static int CategoryIndex(Dictionary<string, int> index, string category, string group) =>
        index.TryGetValue(LabelNames.Normalize(category), out int code)
            ? code
            : throw new ArgumentException($"'{category}' is not a category of group '{group}'.", nameof(category));
}
