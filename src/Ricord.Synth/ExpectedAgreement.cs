namespace Ricord.Synth;

/// <summary>
/// What the reader model implies, analytically. With K classes, prior π and accuracy p, a reader says
/// class c with probability q_c = π_c·p + (1 − π_c)(1 − p)/(K − 1). Two readers agree with probability
/// P_o = p² + (1 − p)²/(K − 1); chance agreement is P_e = Σ q_c²; Cohen's κ = (P_o − P_e)/(1 − P_e).
/// All three agree with probability p³ + (1 − p)³/(K − 1)², so the adjudication rate is one minus that.
/// </summary>
internal sealed record ExpectedAgreement(double PercentAgreement, double ChanceAgreement, double Kappa, double Unanimity, double AdjudicationRate)
{
    public static ExpectedAgreement For(double p, IReadOnlyList<double> prior)
    {
        int k = prior.Count;
        double po = (p * p) + ((1 - p) * (1 - p) / (k - 1));
        double pe = prior.Sum(pi => Math.Pow((pi * p) + ((1 - pi) * (1 - p) / (k - 1)), 2));
        double unanimity = (p * p * p) + (Math.Pow(1 - p, 3) / ((k - 1) * (k - 1)));
        return new ExpectedAgreement(po, pe, (po - pe) / (1 - pe), unanimity, 1 - unanimity);
    }

    /// <summary>Observed Cohen's κ between two label sequences over <paramref name="k"/> classes.</summary>
    public static double CohenKappa(IReadOnlyList<int> a, IReadOnlyList<int> b, int k)
    {
        int n = a.Count;
        double agree = 0;
        var ma = new double[k];
        var mb = new double[k];
        for (int i = 0; i < n; i++)
        {
            agree += a[i] == b[i] ? 1 : 0;
            ma[a[i]]++;
            mb[b[i]]++;
        }

        double po = agree / n, pe = 0;
        for (int c = 0; c < k; c++)
        {
            pe += ma[c] / n * (mb[c] / n);
        }

        return (po - pe) / (1 - pe);
    }
}
