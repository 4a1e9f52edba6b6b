using System.Text;

namespace Ricord.DeidScoring;

/// <summary>
/// Finds planted needles in any bytes in one pass: the input is cut into runs of letters, digits and dots
/// (case folded); a run that equals a needle (UIDs, long numbers) or holds "ZQ" followed by a needle's eight
/// characters is a hit. Needles are built so that nothing else in an output can look like one.
/// </summary>
public sealed class NeedleScan
{
    private const int TokenLength = 10;
    private readonly HashSet<string> _needles;

    public NeedleScan(IEnumerable<string> needles)
    {
        _needles = new HashSet<string>(needles.Select(n => n.ToUpperInvariant()), StringComparer.Ordinal);
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

            if (run.Length >= TokenLength)
            {
                Check(run.ToString(), found);
            }

            run.Clear();
        }
    }

    public void Scan(string text, ISet<string> found) => Scan(Encoding.UTF8.GetBytes(text), found);

    private void Check(string run, ISet<string> found)
    {
        if (_needles.Contains(run) || _needles.Contains(run.TrimEnd('.')))
        {
            found.Add(run.TrimEnd('.'));
        }

        for (int at = run.IndexOf("ZQ", StringComparison.Ordinal); at >= 0 && at + TokenLength <= run.Length; at = run.IndexOf("ZQ", at + 1, StringComparison.Ordinal))
        {
            string token = run.Substring(at, TokenLength);
            if (_needles.Contains(token))
            {
                found.Add(token);
            }
        }
    }
}
