namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>A series as ranked by <see cref="CtSeriesSelector"/>: eligible or not, its score, and why.</summary>
public sealed record SeriesChoice(SeriesSummary Series, bool Eligible, double Score, IReadOnlyList<string> Reasons)
{
    public override string ToString() =>
        $"{Series.SeriesDescription ?? Series.SeriesInstanceUid}: {(Eligible ? "eligible" : "excluded")}, score {Score:0.#} ({string.Join("; ", Reasons)})";
}
