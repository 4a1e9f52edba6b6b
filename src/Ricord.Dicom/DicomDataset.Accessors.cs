using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ricord.Dicom;

/// <summary>Typed reading and writing of values (PS3.5 6.2).</summary>
public sealed partial class DicomDataset
{
    private static readonly DicomTag SpecificCharacterSetTag = new(0x00080005);
    private (DicomElement Source, DicomCharacterSet CharacterSet)? _characterSet;

    /// <summary>The character set of text values here: this data set's (0008,0005), else the enclosing data set's (PS3.5 7.5.3).</summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (this[SpecificCharacterSetTag] is not { } e)
            {
                return Parent?.CharacterSet ?? DicomCharacterSet.Default;
            }

            // Elements are immutable and Set replaces them, so the element itself keys the cached result.
            var cached = _characterSet;
            if (cached is not null && ReferenceEquals(cached.Value.Source, e))
            {
                return cached.Value.CharacterSet;
            }

            var charset = DicomCharacterSet.FromTerms(DicomValueParser.SplitAscii(e.Bytes));
            _characterSet = (e, charset);
            return charset;
        }
    }

    /// <summary>All string values of an element (decoded, split on backslash where VM may exceed 1, padding trimmed). Empty if absent.</summary>
    public string[] GetStrings(DicomTag tag) =>
        this[tag] is { } e ? DicomValueParser.Strings(e, CharacterSet) : [];

    /// <summary>The first value as a string, or null if absent or empty. For LT/ST/UT the whole text.</summary>
    public string? GetString(DicomTag tag)
    {
        var v = GetStrings(tag);
        return v.Length == 0 || v[0].Length == 0 ? null : v[0];
    }

    /// <summary>The whole value as one string, backslashes included, decoded and trimmed.</summary>
    public string? GetText(DicomTag tag) =>
        this[tag] is { } e && e.Length > 0 ? DicomValueParser.Text(e, CharacterSet) : null;

    /// <summary>Numeric values of a binary (US, SS, UL, SL, FL, FD, SV, UV) or text (IS, DS) element.</summary>
    public double[] GetDoubles(DicomTag tag) => this[tag] is { } e ? DicomValueParser.Doubles(e) : [];

    public double? GetDouble(DicomTag tag) => GetDoubles(tag) is { Length: > 0 } v ? v[0] : null;

    public decimal[] GetDecimals(DicomTag tag) =>
        this[tag] is { } e ? [.. DicomValueParser.Strings(e, CharacterSet).Where(s => s.Length > 0).Select(s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))] : [];

    public long[] GetIntegers(DicomTag tag) => this[tag] is { } e ? DicomValueParser.Integers(e) : [];

    public int? GetInt(DicomTag tag) => GetIntegers(tag) is { Length: > 0 } v ? checked((int)v[0]) : null;

    public long? GetLong(DicomTag tag) => GetIntegers(tag) is { Length: > 0 } v ? v[0] : null;

    public ushort? GetUInt16(DicomTag tag) => GetIntegers(tag) is { Length: > 0 } v ? checked((ushort)v[0]) : null;

    public DateOnly? GetDate(DicomTag tag) => GetString(tag) is { } s ? DicomDateTimeParser.ParseDate(s) : null;

    public TimeOnly? GetTime(DicomTag tag) => GetString(tag) is { } s ? DicomDateTimeParser.ParseTime(s) : null;

    public DateTimeOffset? GetDateTime(DicomTag tag) => GetString(tag) is { } s ? DicomDateTimeParser.ParseDateTime(s) : null;

    /// <summary>A DA range query value "A-B", "-B", "A-" or a single date (PS3.4 C.2.2.2.5).</summary>
    public DicomDateRange? GetDateRange(DicomTag tag) => GetString(tag) is { } s ? DicomDateRange.Parse(s) : null;

    public DicomPersonName? GetPersonName(DicomTag tag) => GetText(tag) is { } s ? DicomPersonName.Parse(s.Split('\\')[0]) : null;

    public DicomPersonName[] GetPersonNames(DicomTag tag) => [.. GetStrings(tag).Select(DicomPersonName.Parse)];

    public DicomTag[] GetTags(DicomTag tag)
    {
        if (this[tag] is not { } e)
        {
            return [];
        }

        var b = e.Bytes;
        var tags = new DicomTag[b.Length / 4];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(b[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(b[(i * 4 + 2)..]));
        }

        return tags;
    }

    /// <summary>The items of a sequence; empty if absent or not a sequence.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) => this[tag] is DicomSequence sq ? sq.Items : [];

    /// <summary>Sets a string-valued element, encoding with this data set's character set and padding to even length.</summary>
    public DicomDataset SetStrings(DicomTag tag, DicomVR vr, params string[] values)
    {
        string joined = string.Join('\\', values);
        byte[] bytes = DicomVRInfo.UsesSpecificCharacterSet(vr) ? CharacterSet.Encode(joined, vr) : Encoding.ASCII.GetBytes(joined);
        return Set(new DicomElement(tag, vr, DicomValueParser.Pad(bytes, vr)));
    }

    public DicomDataset SetString(DicomTag tag, DicomVR vr, string value) => SetStrings(tag, vr, value);

    public DicomDataset SetUInt16(DicomTag tag, params ushort[] values)
    {
        var b = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(i * 2), values[i]);
        }

        return Set(new DicomElement(tag, DicomVR.US, b));
    }

    public DicomDataset SetInt16(DicomTag tag, params short[] values)
    {
        var b = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(i * 2), values[i]);
        }

        return Set(new DicomElement(tag, DicomVR.SS, b));
    }

    public DicomDataset SetUInt32(DicomTag tag, params uint[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i * 4), values[i]);
        }

        return Set(new DicomElement(tag, DicomVR.UL, b));
    }

    public DicomDataset SetDoubles(DicomTag tag, params double[] values)
    {
        var b = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), values[i]);
        }

        return Set(new DicomElement(tag, DicomVR.FD, b));
    }

    /// <summary>Sets a DS element from numbers, each formatted in at most 16 characters.</summary>
    public DicomDataset SetDecimalStrings(DicomTag tag, params double[] values) =>
        SetStrings(tag, DicomVR.DS, [.. values.Select(DicomValueParser.FormatDS)]);

    public DicomDataset SetIntegerString(DicomTag tag, params long[] values) =>
        SetStrings(tag, DicomVR.IS, [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);

    public DicomDataset SetBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value) => Set(new DicomElement(tag, vr, value));

    public DicomDataset SetSequence(DicomTag tag, params DicomDataset[] items) => Set(new DicomSequence(tag, items));

    public DicomDataset SetTags(DicomTag tag, params DicomTag[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(i * 4), values[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(i * 4 + 2), values[i].Element);
        }

        return Set(new DicomElement(tag, DicomVR.AT, b));
    }
}
