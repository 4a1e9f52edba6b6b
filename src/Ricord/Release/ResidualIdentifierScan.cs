using System.Buffers;
using System.IO.Compression;
using System.Text;
using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Release;

/// <summary>
/// The de-identification's residual-identifier rules (<see cref="KnownIdentifiers"/>, <see cref="ResidualScan"/>) over a
/// release: known identities (original patient IDs as IDs; names as words of 3+ characters; birth dates in common
/// formats) are looked for in every DICOM element as ingest looks (attribute by attribute, private and binary values
/// included), in every table cell, JSON string and card line as text (case, spacing and punctuation ignored; UIDs,
/// hashes and numbers compared whole), in the NIfTI header's text fields, and in every byte of every file as binary
/// (IDs with a letter and words, of 5+ characters) unless it is a text file. Says where (file and place), never what.
/// </summary>
internal sealed partial class ResidualIdentifierScan
{
    private const int Chunk = 4 << 20;
    private static readonly SearchValues<char> Separators = SearchValues.Create(",;|\t\r\n\"{}[]");

    private readonly KnownIdentifiers _known;
    private readonly SearchValues<string> _binary;
    private readonly int _longest;
    private readonly int _binaryCount;

    private ResidualIdentifierScan(KnownIdentifiers known)
    {
        _known = known;
        // Digits-only IDs and dates are left to the text rules: a remapped UID's long digit runs would hold any of them.
        var needles = known.Prepared.IdArray.Where(i => i.Length >= 5 && i.Any(char.IsAsciiLetter)).Concat(known.Prepared.LongWords).Distinct(StringComparer.Ordinal).ToArray();
        _binary = SearchValues.Create(needles, StringComparison.OrdinalIgnoreCase);
        _longest = needles.Length == 0 ? 1 : needles.Max(n => n.Length);
        _binaryCount = needles.Length;
    }

    public bool IsEmpty => _known.IsEmpty;

    /// <summary>
    /// The rules for <paramref name="identities"/>: a line "name:VALUE" is a person's name, "birthdate:YYYYMMDD" a date of
    /// birth, "id:VALUE" and the link table's original IDs identifiers, any other line a value (its words and itself).
    /// </summary>
    public static ResidualIdentifierScan For(IEnumerable<string> linkTableIds, IEnumerable<string> identities)
    {
        var known = new KnownIdentifiers();
        var safe = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in linkTableIds)
        {
            known.AddId(id);
        }

        foreach (string line in identities.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith("name:", StringComparison.OrdinalIgnoreCase))
            {
                known.AddName(line[5..], safe);
            }
            else if (line.StartsWith("birthdate:", StringComparison.OrdinalIgnoreCase))
            {
                known.AddBirthDate(line[10..]);
            }
            else if (line.StartsWith("id:", StringComparison.OrdinalIgnoreCase))
            {
                known.AddId(line[3..]);
            }
            else
            {
                known.AddValue(line, safe);
            }
        }

        return new ResidualIdentifierScan(known);
    }

    /// <summary>The value of an identity line as it would be written (the prefix removed), for the exact byte search.</summary>
    public static string Value(string line)
    {
        foreach (string prefix in (string[])["name:", "birthdate:", "id:"])
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return line[prefix.Length..];
            }
        }

        return line;
    }

    /// <summary>Where in the file (relative <paramref name="path"/>) a known identity is, or null.</summary>
    public async Task<string?> FindAsync(string root, string path, CancellationToken ct)
    {
        if (IsEmpty)
        {
            return null;
        }

        if (Text(path) is { } inPath)
        {
            return $"the path ({inPath})";
        }

        string full = Path.Combine(root, path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".csv" or ".json" or ".md" or ".txt")
        {
            return await TextFileAsync(full, ct).ConfigureAwait(false);
        }

        string? found = extension switch
        {
            ".dcm" => Dicom(full),
            ".nii" => Nifti(await ReadHeaderAsync(full, gzip: false, ct).ConfigureAwait(false)),
            ".gz" when path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) => Nifti(await ReadHeaderAsync(full, gzip: true, ct).ConfigureAwait(false)),
            _ => null,
        };
        return found ?? (_binaryCount > 0 && await BinaryAsync(full, ct).ConfigureAwait(false) ? "its bytes" : null);
    }

    /// <summary>Each element as ingest's residual scan looks at it (text, numbers, private and binary values).</summary>
    private string? Dicom(string full)
    {
        DicomDataset ds;
        try
        {
            ds = DicomFile.Open(full).Dataset;
        }
        catch (DicomFormatException)
        {
            return null; // not parsed: the byte scan still runs over it
        }

        var findings = new DeidFindings();
        ResidualScan.Run(ds, _known, findings);
        return findings.ResidualHits.Keys.Order(StringComparer.Ordinal).FirstOrDefault() is { } where ? $"DICOM {where}"
            : findings.UncleanableHit is not null ? "DICOM encapsulated document" : null;
    }

    private async Task<string?> TextFileAsync(string full, CancellationToken ct)
    {
        using var reader = new StreamReader(full, Encoding.UTF8);
        int line = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } text)
        {
            line++;
            if (Text(text) is { } where)
            {
                return $"line {line} ({where})";
            }
        }

        return null;
    }

    /// <summary>A line cut into values at table and JSON separators; each value checked as the deid checks a text value.</summary>
    private string? Text(string text)
    {
        var rest = text.AsSpan();
        int column = 0;
        while (true)
        {
            int cut = rest.IndexOfAny(Separators);
            var value = (cut < 0 ? rest : rest[..cut]).Trim();
            column++;
            if (value.Length > 0 && Holds(value))
            {
                return $"value {column}";
            }

            if (cut < 0)
            {
                return null;
            }

            rest = rest[(cut + 1)..];
        }
    }

    private bool Holds(ReadOnlySpan<char> span)
    {
        // UIDs (in paths too) are Ricord's own; their digits run together would hold any short number. A date such as
        // 31.01.1970 (three parts of up to four digits) is kept.
        string value = span.Contains('.') ? Uid().Replace(span.ToString(), m => m.Value.Split('.') is var parts && (parts.Length > 3 || parts.Any(x => x.Length > 4)) ? " " : m.Value) : span.ToString();
        // Numbers and hashes are compared whole, for the same reason.
        if (!value.AsSpan().ContainsAnyExcept("0123456789.+-eE ") || (value.Length >= 32 && !value.AsSpan().ContainsAnyExcept("0123456789abcdef")))
        {
            return _known.Ids.Contains(KnownIdentifiers.Compact(value));
        }

        return ResidualScan.HoldsText(value, _known);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+(?:\.\d+){2,}")]
    private static partial System.Text.RegularExpressions.Regex Uid();

    /// <summary>The NIfTI-1 header's text fields: db_name, descrip, aux_file, intent_name.</summary>
    private string? Nifti(byte[] header)
    {
        foreach (var (name, offset, length) in new[] { ("db_name", 4, 18), ("descrip", 148, 80), ("aux_file", 228, 24), ("intent_name", 328, 16) })
        {
            if (header.Length >= offset + length && Text(Encoding.Latin1.GetString(header, offset, length).TrimEnd('\0')) is not null)
            {
                return $"NIfTI header {name}";
            }
        }

        return null;
    }

    private static async Task<byte[]> ReadHeaderAsync(string full, bool gzip, CancellationToken ct)
    {
        Stream stream = File.OpenRead(full);
        await using (stream.ConfigureAwait(false))
        {
            if (gzip)
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            var header = new byte[348];
            int n = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            return header[..n];
        }
    }

    /// <summary>Every byte as ISO 8859-1, case ignored, for the IDs and words of 5+ characters (in chunks that overlap).</summary>
    private async Task<bool> BinaryAsync(string full, CancellationToken ct)
    {
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Chunk + _longest];
            var chars = new char[Chunk + _longest];
            int kept = 0;
            while (true)
            {
                int n = await stream.ReadAtLeastAsync(buffer.AsMemory(kept, Chunk), Chunk, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                int total = kept + n;
                int count = Encoding.Latin1.GetChars(buffer, 0, total, chars, 0);
                if (chars.AsSpan(0, count).IndexOfAny(_binary) >= 0)
                {
                    return true;
                }

                if (n < Chunk)
                {
                    return false;
                }

                kept = Math.Min(_longest - 1, total);
                buffer.AsSpan(total - kept, kept).CopyTo(buffer);
            }
        }
    }
}
