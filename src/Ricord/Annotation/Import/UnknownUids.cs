namespace Ricord.Annotation.Import;

/// <summary>UIDs referenced by annotations but absent from the images: how many distinct UIDs, how many annotations, a few examples.</summary>
public sealed record UnknownUids(int Distinct, int Annotations, IReadOnlyList<string> Examples)
{
    public static readonly UnknownUids None = new(0, 0, []);
}
