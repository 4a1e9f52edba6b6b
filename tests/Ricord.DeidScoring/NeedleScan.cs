using System.Text;

namespace Ricord.DeidScoring;

/// <summary>
/// Finds planted needles in any bytes in one pass: the input is cut into runs of letters, digits and dots
/// (case folded), and every needle-long stretch of a run is looked up. Needles are built so that nothing else
/// in an output can look like one ("ZQ" tokens, UIDs under their own root, numbers of ten digits or more).
/// </summary>
public sealed class NeedleScan
{
    private const int MinLength = 10;
    private readonly HashSet<string> _needles;
    private readonly int[] _lengths;

    public NeedleScan(IEnumerable<string> needles)
    {
        _needles = new HashSet<string>(needles.Select(n => n.ToUpperInvariant()), StringComparer.Ordinal);
        _lengths = [.. _needles.Select(n => n.Length).Distinct().Order()];
    }

    /// <summary>Every needle found in <paramref name="bytes"/>, added to <paramref name="found"/>.</summary>
    public void Scan(ReadOnlySpan<byte> bytes, ISet<string> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var run = new StringBuilder();
        for (int i = 0; i <= bytes.Length; i++)
        {
            byte b = i < bytes.Length ? bytes[i] : (byte)0;
            bool part = b is >= (byte)'0' and <= (byte)'9' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or (byte)'.';
            if (part)
            {
                run.Append(char.ToUpperInvariant((char)b));
                continue;
            }

            if (run.Length >= MinLength)
            {
                Check(run.ToString(), found);
            }

            run.Clear();
        }
    }

    public void Scan(string text, ISet<string> found) => Scan(Encoding.UTF8.GetBytes(text), found);

    /// <summary>Any needle anywhere in the run: values are not always delimited (an even-length UID runs straight into the next tag's bytes).</summary>
    private void Check(string run, ISet<string> found)
    {
        var lookup = _needles.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int at = 0; at < run.Length; at++)
        {
            foreach (int length in _lengths)
            {
                if (at + length <= run.Length && lookup.TryGetValue(run.AsSpan(at, length), out string? needle))
                {
                    found.Add(needle);
                }
            }
        }
    }
}
