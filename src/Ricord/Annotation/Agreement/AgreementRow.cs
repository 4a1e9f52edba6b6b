namespace Ricord.Annotation.Agreement;

/// <summary>
/// One statistic as a flat row, the shape of the CSV and of CLI tables: <see cref="Kind"/> is "label" or
/// "segmentation"; <see cref="Study"/> is set for per-study segmentation rows; <see cref="ReaderA"/> = "all"
/// for group-wide statistics; <see cref="N"/> the studies the statistic is computed on. NaN where undefined
/// (or no interval), with <see cref="Note"/>.
/// </summary>
public sealed record AgreementRow(
    string Kind,
    string Group,
    string? Study,
    string Statistic,
    string ReaderA,
    string ReaderB,
    int N,
    double Value,
    double Lower,
    double Upper,
    string? Note)
{
    /// <summary>The PatientID of <see cref="Study"/> (segmentation rows), as the catalog has it.</summary>
    public string? Patient { get; init; }
}
