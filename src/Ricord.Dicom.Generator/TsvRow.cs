namespace Ricord.Dicom.Generator;

/// <summary>Tab-separated data files: one record a line, '#' starts a comment line.</summary>
internal static class TsvRow
{
    public static IEnumerable<string[]> Parse(string text, int columns, string fileName)
    {
        int lineNumber = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != columns)
            {
                throw new FormatException($"{fileName} line {lineNumber}: expected {columns} tab-separated fields, found {fields.Length}.");
            }

            yield return fields;
        }
    }
}
