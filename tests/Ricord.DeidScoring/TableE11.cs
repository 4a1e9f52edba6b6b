using System.Globalization;
using System.Text.Json;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// PS3.15 Table E.1-1 (2024e) as the scorer reads it: for each attribute its name, Basic Profile code and the code
/// of every option column that names one. Read from this project's own copy of the standard's JSON, not the engine's.
/// </summary>
public sealed class TableE11
{
    private readonly Dictionary<uint, TableE11Row> _exact = [];
    private readonly List<(uint Mask, uint Value, TableE11Row Row)> _patterns = [];

    private TableE11()
    {
    }

    public static TableE11 Standard { get; } = Load();

    public IReadOnlyCollection<TableE11Row> ExactRows => _exact.Values;

    /// <summary>The row for a standard tag, exact first, then the repeating-group rows (50xx, 60xx); null when unlisted.</summary>
    public TableE11Row? Find(DicomTag tag)
    {
        if (_exact.TryGetValue(tag.Value, out var row))
        {
            return row;
        }

        foreach (var (mask, value, r) in _patterns)
        {
            if ((tag.Value & mask) == value)
            {
                return r;
            }
        }

        return null;
    }

    private static TableE11 Load()
    {
        using var stream = typeof(TableE11).Assembly.GetManifestResourceStream("Ricord.DeidScoring.TableE11.json")
            ?? throw new InvalidOperationException("Table E.1-1 JSON is not embedded in the scorer.");
        using var doc = JsonDocument.Parse(stream);
        var table = new TableE11();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            string tag = e.GetProperty("tag").GetString()!;
            if (tag.Contains("GGGG", StringComparison.Ordinal))
            {
                continue; // private attributes: scored by the allowlist rule
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject().Where(p => p.Name.StartsWith("rtn", StringComparison.Ordinal) || p.Name.StartsWith("clean", StringComparison.Ordinal)))
            {
                options[p.Name] = p.Value.GetString()!;
            }

            var row = new TableE11Row(e.GetProperty("name").GetString()!.Split('\n')[0].Trim(), tag, e.GetProperty("basicProfile").GetString()!, options);
            string hex = tag.Trim('(', ')').Replace(",", "", StringComparison.Ordinal);
            if (hex.Contains('X', StringComparison.OrdinalIgnoreCase))
            {
                uint mask = 0, value = 0;
                foreach (char c in hex)
                {
                    bool wild = c is 'X' or 'x';
                    mask = (mask << 4) | (wild ? 0u : 0xFu);
                    value = (value << 4) | (wild ? 0u : uint.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }

                table._patterns.Add((mask, value, row));
            }
            else
            {
                table._exact[uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = row;
            }
        }

        return table;
    }
}
