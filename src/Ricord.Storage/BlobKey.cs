namespace Ricord.Storage;

/// <summary>Blob key rules shared by every store.</summary>
public static class BlobKey
{
    /// <summary>Throws unless the key is relative, '/'-separated and free of empty, "." and ".." segments.</summary>
    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith('/') || key.Contains('\\', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Blob key '{key}' must be relative and use '/' separators.", nameof(key));
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment is "" or "." or ".." || segment.EndsWith(InFlightWrites.TempSuffix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Blob key '{key}' has an invalid segment '{segment}'.", nameof(key));
            }
        }
    }

    /// <summary>A content key: the lower-case SHA-256 hex of the bytes, optionally under a prefix.</summary>
    public static string ForContent(string sha256Hex, string? prefix = null) =>
        prefix is null ? sha256Hex.ToLowerInvariant() : $"{prefix.TrimEnd('/')}/{sha256Hex.ToLowerInvariant()}";
}
