using System.Globalization;
using System.Text.RegularExpressions;

namespace Ricord.Dicom.Tests.Peers;

/// <summary>One printed element of `dcmdump +L -Un` output: tag, VR and the value text as dcmdump shows it.</summary>
public sealed record DumpLine(DicomTag Tag, string VR, string Value)
{
    /// <summary>Ricord's element behind the line (null for dcmtk's lines and for sequences, items and fragments).</summary>
    public DicomElement? Element { get; init; }
}

/// <summary>Parses dcmdump's text output into a flat list in document order (items as (FFFE,E000) lines).</summary>
public static partial class DcmdumpParser
{
    [GeneratedRegex(@"^\s*\((?<g>[0-9a-f]{4}),(?<e>[0-9a-f]{4})\) (?<vr>\S\S) (?<value>.*?) *# *(?<len>u/l|\d+), *(?<vm>\d+) (?<name>.+?)\r?$", RegexOptions.Singleline)]
    private static partial Regex LineRegex();

    [GeneratedRegex(@"^\s*\([0-9a-f]{4},[0-9a-f]{4}\) ")]
    private static partial Regex StartRegex();

    /// <summary>Joins the continuation lines of values that contain CR/LF (dcmdump prints them raw).</summary>
    private static IEnumerable<string> Records(string dump)
    {
        string? pending = null;
        foreach (var line in dump.Split('\n'))
        {
            if (StartRegex().IsMatch(line) || line.StartsWith('#') || line.Length == 0)
            {
                if (pending is not null)
                {
                    yield return pending;
                }

                pending = StartRegex().IsMatch(line) ? line : null;
            }
            else if (pending is not null)
            {
                pending += "\n" + line;
            }
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }

    public static List<DumpLine> Parse(string dump)
    {
        var lines = new List<DumpLine>();
        foreach (var raw in Records(dump))
        {
            var m = LineRegex().Match(raw);
            if (!m.Success)
            {
                continue;
            }

            var tag = new DicomTag(ushort.Parse(m.Groups["g"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ushort.Parse(m.Groups["e"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            if (tag == DicomTag.ItemDelimitationItem || tag == DicomTag.SequenceDelimitationItem)
            {
                continue;
            }

            lines.Add(new DumpLine(tag, m.Groups["vr"].Value, m.Groups["value"].Value));
        }

        return lines;
    }
}
