using Ricord.Annotation.Agreement;

namespace Ricord.Tests.Annotation.Agreement;

internal static class AgreementTestData
{
    /// <summary>Wikipedia's Cohen example as 50 studies read by readers A and B (yes/no).</summary>
    public static List<Rating> CohenProposals()
    {
        var ratings = new List<Rating>();
        int study = 0;
        foreach (var (a, b, count) in new[] { ("Yes", "Yes", 20), ("Yes", "No", 5), ("No", "Yes", 10), ("No", "No", 15) })
        {
            for (int i = 0; i < count; i++, study++)
            {
                ratings.Add(new Rating($"s{study:D2}", "A", a));
                ratings.Add(new Rating($"s{study:D2}", "B", b));
            }
        }

        return ratings;
    }

    /// <summary>A subject × category count table as ratings (rater j of subject i is "r{j}"; raters differ per subject, as Fleiss assumes).</summary>
    public static List<Rating> FromCounts(int[,] counts, IReadOnlyList<string> categories)
    {
        var ratings = new List<Rating>();
        for (int i = 0; i < counts.GetLength(0); i++)
        {
            int rater = 0;
            for (int j = 0; j < counts.GetLength(1); j++)
            {
                for (int c = 0; c < counts[i, j]; c++)
                {
                    ratings.Add(new Rating($"subject{i}", $"r{rater++:D2}", categories[j]));
                }
            }
        }

        return ratings;
    }
}
