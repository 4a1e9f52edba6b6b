using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ricord.Annotation.Mdai;

/// <summary>
/// Pulls JSON tokens from a stream one at a time over a growing window, so a large export is parsed without
/// holding its bytes; each token's value is copied out. Line and byte position survive refills (they live in
/// <see cref="JsonReaderState"/>), so every error can say where it happened, and which property it was reading.
/// </summary>
internal sealed class JsonTokenStream : IDisposable
{
    private readonly Stream _stream;
    private readonly string? _source;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private long _offset;
    private long _line;
    private long _lineStart;
    private JsonReaderState _state;
    private string? _property;

    public JsonTokenStream(Stream stream, string? source, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _source = source;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, bufferSize));
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
    }

    public JsonTokenType TokenType { get; private set; }

    /// <summary>Property name or string value of the current token (unescaped).</summary>
    public string? String { get; private set; }

    /// <summary>The number's text as written (numbers only).</summary>
    public string? NumberText { get; private set; }

    /// <summary>Bytes consumed before the current token ended.</summary>
    public long Offset => _offset;

    public int Depth { get; private set; }

    public double Number => double.Parse(NumberText!, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Reads the next token; false at the end of the input.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool ok;
            try
            {
                ok = reader.Read();
            }
            catch (JsonException ex)
            {
                throw Error(ex.Message, ex, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
            }

            if (ok)
            {
                try
                {
                    Capture(ref reader);
                }
                catch (InvalidOperationException ex)
                {
                    throw Error(ex.Message, ex);
                }
            }

            Advance((int)reader.BytesConsumed);
            _state = reader.CurrentState;
            if (ok)
            {
                return true;
            }

            if (_final)
            {
                return false;
            }

            Refill();
        }
    }

    /// <summary>Reads the next token and fails with a positioned error at the end of the input.</summary>
    public void Next()
    {
        if (!Read())
        {
            throw Error("Unexpected end of the JSON input");
        }
    }

    /// <summary>Skips the value whose first token is current (objects and arrays whole).</summary>
    public void Skip()
    {
        if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            int depth = Depth;
            do
            {
                Next();
            }
            while (Depth > depth || TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
        }
    }

    /// <summary>Copies the current value (object, array or scalar) as JSON text.</summary>
    public string CopyValue()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            int depth = Depth;
            do
            {
                switch (TokenType)
                {
                    case JsonTokenType.StartObject: w.WriteStartObject(); break;
                    case JsonTokenType.EndObject: w.WriteEndObject(); break;
                    case JsonTokenType.StartArray: w.WriteStartArray(); break;
                    case JsonTokenType.EndArray: w.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: w.WritePropertyName(String!); break;
                    case JsonTokenType.String: w.WriteStringValue(String); break;
                    case JsonTokenType.Number: w.WriteRawValue(NumberText!, true); break;
                    case JsonTokenType.True: w.WriteBooleanValue(true); break;
                    case JsonTokenType.False: w.WriteBooleanValue(false); break;
                    default: w.WriteNullValue(); break;
                }

                if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray || Depth > depth)
                {
                    Next();
                    continue;
                }

                break;
            }
            while (true);
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public MdaiFormatException Error(string message, Exception? inner = null, long? line = null, long? column = null)
    {
        long l = line ?? _line + 1, c = column ?? _offset - _lineStart + 1;
        string where = _source is null ? string.Empty : _source + ": ";
        string field = _property is null ? string.Empty : $", after property '{_property}'";
        return new MdaiFormatException($"{where}{message} (line {l}, byte {c} of the line, offset {_offset}{field})", l, c, _offset, inner);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private void Advance(int count)
    {
        var consumed = _buffer.AsSpan(_start, count);
        int lines = consumed.Count((byte)'\n');
        if (lines > 0)
        {
            _line += lines;
            _lineStart = _offset + consumed.LastIndexOf((byte)'\n') + 1;
        }

        _start += count;
        _offset += count;
    }

    private void Capture(ref Utf8JsonReader reader)
    {
        TokenType = reader.TokenType;
        Depth = reader.CurrentDepth;
        String = null;
        NumberText = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                String = reader.GetString();
                _property = String;
                break;
            case JsonTokenType.String:
                String = reader.GetString();
                break;
            case JsonTokenType.Number:
                NumberText = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
                break;
        }
    }

    private void Refill()
    {
        int remaining = _end - _start;
        if (remaining == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, remaining).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
        }

        _start = 0;
        _end = remaining;
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _final = true;
        }

        _end += n;
    }
}
