namespace Ricord.Annotation.Agreement;

/// <summary>
/// Agreement weights of Cohen's weighted κ over ordinal ranks r (span d = max rank − min rank of the group):
/// linear w = 1 − |ri − rj| / d, quadratic w = 1 − ((ri − rj) / d)².
/// </summary>
public enum KappaWeighting
{
    Linear,
    Quadratic,
}
