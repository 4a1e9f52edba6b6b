namespace Ricord.Clinical;

/// <summary>Reads a clinical sheet from CSV or XLSX; the kind is told by content (a zip is XLSX), not by name,
/// because names like "MIDRC-RICORD-1c Clinical Data Jan 13 2021 .xlsx" are common.</summary>
public static class ClinicalFileReader
{
    public static async Task<ClinicalTable> ReadAsync(string path, string? sheet, CancellationToken ct)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        return Read(bytes, sheet);
    }

    public static ClinicalTable Read(byte[] bytes, string? sheet)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        bool zip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip)
        {
            return ClinicalXlsx.Read(bytes, sheet);
        }

        if (sheet is not null)
        {
            throw new ClinicalDataException("--sheet applies to XLSX workbooks; this file is CSV.");
        }

        return ClinicalCsv.Read(bytes);
    }
}
