namespace Ricord.Catalog;

/// <summary>Compressed (Brotli) shapes JSON keyed by the SHA-256 of its uncompressed bytes; written once, shared.</summary>
public sealed class ReadPayload
{
    public required string Hash { get; set; }
    public required byte[] Data { get; set; }
    public int Length { get; set; }
}
