using System.Globalization;
using System.Text;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// Plants values into data sets and records each one. Every value is unique in the corpus and, where it can be
/// told apart in output bytes, holds a needle: "ZQ" and eight seeded letters or digits (no vocabulary word, never
/// a short number), a UID under a root of its own, or a long run of digits for DS/IS.
/// </summary>
internal sealed class Planter(int seed)
{
    private const string Alphabet = "ABCDEFGHJKLMNPRSTUVWXY3456789";

    /// <summary>Patient characteristics (kept under Retain Patient Characteristics) get plausible values, not needles:
    /// an engine may rightly drop a sex or smoking status that is not one of the defined terms.</summary>
    private static readonly Dictionary<uint, string> Characteristics = new()
    {
        [0x00100040] = "F",
        [0x00102203] = "UNALTERED",
        [0x001021A0] = "NO",
        [0x00102160] = "HISPANIC",
    };
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private int _counter;

    public List<PlantedValue> Values { get; } = [];

    public int File { get; set; }

    public string Token()
    {
        while (true)
        {
            var sb = new StringBuilder("ZQ");
            for (int i = 0; i < 8; i++)
            {
                sb.Append(Alphabet[_random.Next(Alphabet.Length)]);
            }

            string token = sb.ToString();
            if (_used.Add(token))
            {
                return token;
            }
        }
    }

    /// <summary>A UID under the corpus root; its last component has a fixed width (no needle is a prefix of another) and no leading zero (PS3.5 9.1).</summary>
    public string Uid() => string.Create(CultureInfo.InvariantCulture, $"1.2.826.0.1.3680043.10.1137.{seed}.{File}.1{++_counter:D6}");

    /// <summary>Plants a value of the VR's kind at <paramref name="tag"/> in <paramref name="ds"/>, below <paramref name="parents"/>.</summary>
    public void Plant(DicomDataset ds, IReadOnlyList<PathStep> parents, DicomTag tag, DicomVR vr, string place, string? creator = null)
    {
        var (bytes, needle) = Make(tag, vr);
        Put(ds, parents, tag, vr, bytes, needle, place, creator);
    }

    /// <summary>Plants given text (e.g. a control value, or a needle in a chosen wording).</summary>
    public void PlantText(DicomDataset ds, IReadOnlyList<PathStep> parents, DicomTag tag, DicomVR vr, string text, string? needle, string place, string? creator = null) =>
        Put(ds, parents, tag, vr, DicomValueParser.Pad(Encoding.ASCII.GetBytes(text), vr), needle, place, creator);

    /// <summary>Plants raw bytes (binary values, UN).</summary>
    public void Put(DicomDataset ds, IReadOnlyList<PathStep> parents, DicomTag tag, DicomVR vr, byte[] bytes, string? needle, string place, string? creator = null)
    {
        ds.Set(new DicomElement(tag, vr, bytes));
        Values.Add(new PlantedValue(File, [.. parents, new PathStep(tag, vr, -1, creator)], vr, bytes, needle, place, InMeta: false));
    }

    public void PutMeta(DicomDataset meta, DicomTag tag, DicomVR vr, byte[] bytes, string? needle)
    {
        meta.Set(new DicomElement(tag, vr, bytes));
        Values.Add(new PlantedValue(File, [new PathStep(tag, vr, -1, null)], vr, bytes, needle, Places.FileMeta, InMeta: true));
    }

    /// <summary>Adds a sequence with one item, recorded as a planted value too; returns the item and the path into it.</summary>
    public (DicomDataset Item, List<PathStep> Path) Sequence(DicomDataset ds, IReadOnlyList<PathStep> parents, DicomTag tag, string place, string? creator = null)
    {
        var item = new DicomDataset();
        var sq = ds[tag] as DicomSequence;
        if (sq is null)
        {
            sq = new DicomSequence(tag);
            ds.Set(sq);
            Values.Add(new PlantedValue(File, [.. parents, new PathStep(tag, DicomVR.SQ, -1, creator)], DicomVR.SQ, [], null, place, InMeta: false));
        }

        sq.Items.Add(item);
        return (item, [.. parents, new PathStep(tag, DicomVR.SQ, sq.Items.Count - 1, creator)]);
    }

    /// <summary>A value of <paramref name="vr"/> for <paramref name="tag"/>, unique in the corpus, and its needle if it has one.</summary>
    public (byte[] Bytes, string? Needle) Make(DicomTag tag, DicomVR vr)
    {
        int n = ++_counter;
        if (tag == VRClasses.TimezoneOffsetFromUtc)
        {
            return (Ascii("+0130", vr), null);
        }

        if (Characteristics.TryGetValue(tag.Value, out string? plausible))
        {
            return (Ascii(plausible, vr), null);
        }

        switch (vr)
        {
            case DicomVR.PN or DicomVR.AE or DicomVR.CS:
                string name = Token();
                return (Ascii(name, vr), name);
            case DicomVR.SH or DicomVR.LO or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC:
                // A vocabulary word and a needle: Clean keeps "CHEST" and drops the needle.
                string word = Token();
                return (Ascii("CHEST " + word, vr), word);
            case DicomVR.UR:
                string host = Token();
                return (Ascii($"http://{host.ToLowerInvariant()}.example/", vr), host);
            case DicomVR.UI:
                string uid = Uid();
                return (Ascii(uid, vr), uid);
            case DicomVR.DA:
                return (Ascii(Date(n), vr), null);
            case DicomVR.DT:
                return (Ascii(Date(n) + Time(n), vr), null);
            case DicomVR.TM:
                return (Ascii(Time(n), vr), null);
            case DicomVR.AS:
                return (Ascii(string.Create(CultureInfo.InvariantCulture, $"{20 + (n % 60):D3}Y"), vr), null);
            case DicomVR.DS:
                string ds = string.Create(CultureInfo.InvariantCulture, $"{800000000000L + (seed * 100000L) + n}.5");
                return (Ascii(ds, vr), ds);
            case DicomVR.IS:
                string @is = string.Create(CultureInfo.InvariantCulture, $"{1800000000L + (seed * 100000L % 300000000L) + n}");
                return (Ascii(@is, vr), @is);
            default:
                // Binary and numeric VRs: the needle's ASCII bytes, padded to whole 8-byte units.
                string token = Token();
                byte[] bytes = new byte[16];
                Encoding.ASCII.GetBytes(token, bytes);
                return (bytes, token);
        }
    }

    private static byte[] Ascii(string text, DicomVR vr) => DicomValueParser.Pad(Encoding.ASCII.GetBytes(text), vr);

    private string Date(int n) => new DateOnly(1950, 1, 1).AddDays((seed * 997 + n * 13) % 25000).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Never 000000, the usual dummy time: a planted time must differ from what D writes.</summary>
    private static string Time(int n) => string.Create(CultureInfo.InvariantCulture, $"{1 + (n % 23):D2}{n * 7 % 60:D2}{n * 11 % 60:D2}");
}
