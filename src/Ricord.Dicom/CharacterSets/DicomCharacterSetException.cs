namespace Ricord.Dicom;

/// <summary>Text that cannot be written in the data set's Specific Character Set (0008,0005).</summary>
public sealed class DicomCharacterSetException : Exception
{
    public DicomCharacterSetException(string text, int index, string characterSet, Exception? inner = null)
        : base(Compose(text, index, characterSet), inner)
    {
        Character = CharacterAt(text, index);
        Index = index;
        CharacterSet = characterSet;
    }

    public DicomCharacterSetException()
        : this("Text cannot be encoded in the Specific Character Set")
    {
    }

    public DicomCharacterSetException(string message)
        : base(message)
    {
    }

    public DicomCharacterSetException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The character (one or two UTF-16 units) that does not fit, if known.</summary>
    public string? Character { get; }

    /// <summary>Its position in the text.</summary>
    public int Index { get; }

    /// <summary>The Specific Character Set, as its terms joined with backslashes.</summary>
    public string? CharacterSet { get; }

    private static string CharacterAt(string text, int index) =>
        index < text.Length - 1 && char.IsSurrogatePair(text[index], text[index + 1]) ? text.Substring(index, 2)
        : index < text.Length ? text[index].ToString() : string.Empty;

    private static string Compose(string text, int index, string characterSet)
    {
        string ch = CharacterAt(text, index);
        string code = ch.Length switch
        {
            0 => "?",
            2 => $"U+{char.ConvertToUtf32(ch[0], ch[1]):X4}",
            _ => $"U+{(int)ch[0]:X4}",
        };

        string where = characterSet.Length == 0 ? "the default repertoire (ISO_IR 6); set Specific Character Set (0008,0005)" : $"Specific Character Set '{characterSet}'";
        return $"Character '{ch}' ({code}) at position {index} cannot be encoded in {where}";
    }
}
