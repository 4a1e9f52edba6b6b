namespace Ricord.Release;

/// <summary>What verify checked and every failure it found (none: the release is intact and clean). Failures name
/// files and identifier numbers, never an identifier's value.</summary>
public sealed record ReleaseVerifyResult(
    string Version,
    int Files,
    long Bytes,
    int Patients,
    int Volumes,
    int LabelMaps,
    int Segs,
    int IdentifiersSearched,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
