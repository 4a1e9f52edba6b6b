namespace Ricord.Synth;

/// <summary>
/// Three simulated radiograph readers and an adjudicator. Each reader reports the true class with
/// probability p, otherwise one of the other three classes uniformly; the grade likewise (true grade with
/// probability p, else another of the three grades); a reader who calls the study negative gives no grade.
/// The adjudicator reads every study where the three readers' classes are not unanimous ("any
/// disagreement"), and reports the truth.
/// </summary>
internal static class CxrReaderSimulation
{
    public const int Readers = 3;

    public static readonly string[] Grades = ["Mild Opacities  (1-2 lung zones)", "Moderate Opacities (3-4 lung zones)", "Severe Opacities (>4 lung zones)"];

    public static (CxrRead[] Reads, CxrRead? Adjudication) Read(ulong seed, string studyUid, int truthClass, string? truthGrade, double p)
    {
        var rng = SeededRandom.For(seed, "cxr-read/" + studyUid);
        var reads = new CxrRead[Readers];
        for (int r = 0; r < Readers; r++)
        {
            int cls = rng.Chance(p) ? truthClass : Other(ref rng, truthClass, 4);
            string? grade = null;
            if (cls != 3)
            {
                int g = truthGrade is null ? -1 : Array.IndexOf(Grades, truthGrade);
                grade = g >= 0 && rng.Chance(p) ? Grades[g] : Grades[g >= 0 ? Other(ref rng, g, 3) : rng.Next(0, 3)];
            }

            reads[r] = new CxrRead(cls, grade);
        }

        bool unanimous = reads[0].Class == reads[1].Class && reads[1].Class == reads[2].Class;
        return (reads, unanimous ? null : new CxrRead(truthClass, truthGrade));
    }

    private static int Other(ref SeededRandom rng, int truth, int k)
    {
        int o = rng.Next(0, k - 1);
        return o >= truth ? o + 1 : o;
    }
}
