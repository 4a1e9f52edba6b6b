namespace Ricord.Annotation.Mdai;

/// <summary>An MD.ai export that is not valid JSON or not shaped as RICORD.md §6 describes; says where (1-based line and byte).</summary>
public sealed class MdaiFormatException : Exception
{
    public MdaiFormatException()
        : this("Malformed MD.ai export")
    {
    }

    public MdaiFormatException(string message)
        : base(message)
    {
    }

    public MdaiFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MdaiFormatException(string message, long line, long bytePositionInLine, long byteOffset, Exception? inner = null)
        : base(message, inner)
    {
        Line = line;
        BytePositionInLine = bytePositionInLine;
        ByteOffset = byteOffset;
    }

    /// <summary>1-based line of the error.</summary>
    public long Line { get; }

    /// <summary>1-based byte position within <see cref="Line"/>.</summary>
    public long BytePositionInLine { get; }

    /// <summary>Bytes read before the error.</summary>
    public long ByteOffset { get; }
}
