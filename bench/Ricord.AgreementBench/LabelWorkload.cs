using Ricord.Annotation.Agreement;

namespace Ricord.AgreementBench;

/// <summary>
/// Simulated radiograph reads: each study has a true appearance (4 classes, RICORD-like prior) and, unless
/// negative, a true grade (3 ordered grades); each of the readers says the truth with probability 0.8,
/// otherwise another category at random, gives no grade when they call the study negative, and skips a
/// study with probability 0.02 (missing reads).
/// </summary>
internal static class LabelWorkload
{
    public static readonly string[] Appearance = ["Typical Appearance", "Indeterminate Appearance", "Atypical Appearance", "Negative for Pneumonia"];
    public static readonly string[] Grades = ["Mild", "Moderate", "Severe"];
    private static readonly double[] Prior = [0.45, 0.20, 0.10, 0.25];

    public static (RatingTable Appearance, RatingTable Grade) Create(int studies, int readers, int seed)
    {
        var rng = new Random(seed);
        var appearance = new List<Rating>();
        var grade = new List<Rating>();
        for (int s = 0; s < studies; s++)
        {
            double u = rng.NextDouble();
            int truth = u < Prior[0] ? 0 : u < Prior[0] + Prior[1] ? 1 : u < 1 - Prior[3] ? 2 : 3;
            int truthGrade = rng.Next(3);
            for (int r = 0; r < readers; r++)
            {
                if (rng.NextDouble() < 0.02)
                {
                    continue;
                }

                int said = Noisy(rng, truth, 4);
                appearance.Add(new Rating($"study{s}", $"reader{r}", Appearance[said]));
                if (said != 3)
                {
                    grade.Add(new Rating($"study{s}", $"reader{r}", Grades[Noisy(rng, truthGrade, 3)]));
                }
            }
        }

        return (RatingTable.FromRatings("appearance", Appearance, appearance),
            RatingTable.FromRatings("grade", Grades, grade, [1, 2, 3]));
    }

    private static int Noisy(Random rng, int truth, int k)
    {
        if (rng.NextDouble() < 0.8)
        {
            return truth;
        }

        int o = rng.Next(k - 1);
        return o >= truth ? o + 1 : o;
    }
}
