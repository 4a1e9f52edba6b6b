using Ricord.Storage;

namespace Ricord.Hosting;

/// <summary>An S3-compatible blob store (<c>S3:ServiceUrl</c>, <c>S3:Bucket</c>, …); blobs stay in the data
/// directory's <c>blobs/</c> folder while <see cref="ServiceUrl"/> is empty.</summary>
public sealed class RicordS3Settings
{
    public string? ServiceUrl { get; set; }

    public string Bucket { get; set; } = "ricord";

    public string Region { get; set; } = "us-east-1";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string Prefix { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(ServiceUrl);

    public S3BlobStoreOptions ToStoreOptions() => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        Region = Region,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        Prefix = Prefix,
    };
}
