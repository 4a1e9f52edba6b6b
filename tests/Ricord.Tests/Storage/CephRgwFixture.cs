using Ricord.Storage;
using Ricord.Testing;

namespace Ricord.Tests.Storage;

/// <summary>The Ceph RADOS Gateway that the test script starts (RICORD_TEST_S3). Each store gets a bucket of
/// its own, since the gateway outlives the test classes.</summary>
public sealed class CephRgwFixture
{
    public S3BlobStore CreateStore(string prefix)
    {
        var (endpoint, accessKey, secretKey, region) = TestCeph.Require();
        return new S3BlobStore(new S3BlobStoreOptions
        {
            Bucket = Bucket(prefix),
            ServiceUrl = endpoint,
            Region = region,
            AccessKey = accessKey,
            SecretKey = secretKey,
            Prefix = "ricord/",
        });
    }

    /// <summary>A fresh bucket name: lowercase, within S3's 63 characters.</summary>
    public static string Bucket(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 63)];
}
