namespace Ricord.Storage;

/// <summary>An S3-compatible bucket. For local servers (MinIO, s3rver) set <see cref="ServiceUrl"/>;
/// path-style addressing is always used so bucket names need no DNS.</summary>
public sealed class S3BlobStoreOptions
{
    public required string Bucket { get; init; }

    /// <summary>Endpoint such as "http://127.0.0.1:9000"; null for AWS itself (then <see cref="Region"/> is used).</summary>
    public string? ServiceUrl { get; init; }

    public string Region { get; init; } = "us-east-1";
    public required string AccessKey { get; init; }
    public required string SecretKey { get; init; }

    /// <summary>Prepended to every key, e.g. "ricord/"; empty for the bucket root.</summary>
    public string Prefix { get; init; } = "";
}
