using System.Text;
using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Tests.Deid;

internal static class DeidTestSupport
{
    public static DeidContext Context(ILinkTable? table = null, string collection = "RICORD-1A", string site = "419639") =>
        new(table ?? new InMemoryLinkTable(Key()), collection, site);

    /// <summary>A fixed key so that failures reproduce.</summary>
    public static byte[] Key() => [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    /// <summary>De-identifies a copy and writes it to Part 10 bytes.</summary>
    public static (byte[] Bytes, DeidResult Result, DicomDataset Output) DeidentifyAndWrite(DicomDataset ds, DeidContext context, Deidentifier? engine = null)
    {
        engine ??= new Deidentifier();
        var result = engine.Apply(new DicomFile(ds), context, out var output);
        byte[] bytes = output.ToBytes();
        return (bytes, result, DicomFile.Read(bytes).Dataset);
    }

    /// <summary>Case-insensitive search for <paramref name="text"/> encoded as Latin-1 and as UTF-8.</summary>
    public static bool ContainsText(byte[] haystack, string text)
    {
        byte[] upper = [.. haystack.Select(b => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b)];
        string needle = text.ToUpperInvariant();
        return Contains(upper, Encoding.Latin1.GetBytes(needle)) || Contains(upper, Encoding.UTF8.GetBytes(needle))
            || Contains(haystack, Encoding.Latin1.GetBytes(text)) || Contains(haystack, Encoding.UTF8.GetBytes(text));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
