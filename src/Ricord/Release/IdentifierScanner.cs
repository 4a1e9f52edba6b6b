using System.Text;

namespace Ricord.Release;

/// <summary>
/// Looks for identifiers in every byte of a file, as UTF-8 and as ISO 8859-1 (the encodings DICOM and the release
/// tables use), and in relative paths. Identifiers shorter than <see cref="MinimumLength"/> characters are not
/// searched (a two-digit ID would match everywhere). Says which identifier (by its index, never its value) was found.
/// </summary>
public sealed class IdentifierScanner
{
    public const int MinimumLength = 4;
    private const int Chunk = 4 << 20;

    private readonly List<(byte[] Bytes, int Identifier)> _needles = [];
    private readonly int _longest;

    public IdentifierScanner(IReadOnlyList<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var latin1 = Encoding.Latin1;
        for (int i = 0; i < identifiers.Count; i++)
        {
            string id = identifiers[i].Trim();
            if (id.Length < MinimumLength)
            {
                continue;
            }

            var utf8 = Encoding.UTF8.GetBytes(id);
            _needles.Add((utf8, i));
            if (id.All(c => c <= 0xFF) && latin1.GetBytes(id) is var l && !l.AsSpan().SequenceEqual(utf8))
            {
                _needles.Add((l, i));
            }
        }

        _longest = _needles.Count == 0 ? 1 : _needles.Max(n => n.Bytes.Length);
        Searched = _needles.Select(n => n.Identifier).Distinct().Count();
    }

    /// <summary>How many identifiers are searched (long enough).</summary>
    public int Searched { get; }

    /// <summary>The index of the first identifier found in the text (a path), or null.</summary>
    public int? FindInText(string text) => Find(Encoding.UTF8.GetBytes(text));

    /// <summary>The index of the first identifier found in the file, or null; reads it in chunks that overlap by the longest identifier.</summary>
    public async Task<int?> FindInFileAsync(string path, CancellationToken ct)
    {
        if (_needles.Count == 0)
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Chunk + _longest];
            int kept = 0;
            while (true)
            {
                int n = await stream.ReadAtLeastAsync(buffer.AsMemory(kept, Chunk), Chunk, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                int total = kept + n;
                if (Find(buffer.AsSpan(0, total)) is { } found)
                {
                    return found;
                }

                if (n < Chunk)
                {
                    return null;
                }

                // Keep the tail an identifier could start in, so one cut by the chunk boundary is still found.
                kept = Math.Min(_longest - 1, total);
                buffer.AsSpan(total - kept, kept).CopyTo(buffer);
            }
        }
    }

    private int? Find(ReadOnlySpan<byte> data)
    {
        foreach (var (bytes, identifier) in _needles)
        {
            if (data.IndexOf(bytes) >= 0)
            {
                return identifier;
            }
        }

        return null;
    }
}
