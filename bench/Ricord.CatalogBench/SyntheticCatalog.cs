using System.Globalization;

namespace Ricord.CatalogBench;

/// <summary>The shape of the synthetic catalog: N instances, one patient per 100, one study per 33,
/// 1–3 series per study, study dates spread over 2019–2021.</summary>
internal sealed record SyntheticCatalog(int Instances)
{
    public static readonly DateOnly FirstDate = new(2019, 1, 1);
    public const int Days = 1096;

    public int Patients => Math.Max(1, Instances / 100);
    public int Studies => Math.Max(1, Instances / 33);

    public static string PatientId(int p) => string.Create(CultureInfo.InvariantCulture, $"RICORD-1A-419639-{p:D6}");

    /// <summary>Deterministic pseudo-random date of study s.</summary>
    public static DateOnly StudyDate(int s) => FirstDate.AddDays((int)((uint)(s * 2654435761u) % Days));

    public static string Modality(int s) => (s % 4) switch { 0 => "DX", 1 => "CR", _ => "CT" };

    public static int SeriesPerStudy(int s) => 1 + (s % 3);
}
