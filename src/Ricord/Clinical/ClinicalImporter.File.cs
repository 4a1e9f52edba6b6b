namespace Ricord.Clinical;

/// <summary><c>ricord clinical import FILE</c> as one call: the sheet read (CSV, TSV or XLSX) and imported.</summary>
public sealed partial class ClinicalImporter
{
    /// <summary>Reads <paramref name="path"/> (<paramref name="sheet"/> of a workbook) and imports it; a file that
    /// cannot be read as a clinical sheet throws <see cref="ClinicalDataException"/>, bad options
    /// <see cref="ArgumentException"/>.</summary>
    public async Task<ClinicalImportReport> ImportFileAsync(Actor actor, string path, string? sheet, ClinicalImportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var table = await ClinicalFileReader.ReadAsync(path, sheet, ct).ConfigureAwait(false);
        return await ImportAsync(table, options, ct).ConfigureAwait(false);
    }
}
