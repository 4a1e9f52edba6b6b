using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Ricord.Hosting;
using Ricord.Storage;
using Ricord.Tests.Storage;

namespace Ricord.Tests.Hosting;

/// <summary>The variables of earlier releases (RICORD_S3_*) still choose S3, now through the composition root, and
/// the store they give works against a real S3-compatible server (s3rver on loopback).</summary>
public sealed class S3ConfigurationTests(S3rverFixture server) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task The_old_s3_variables_give_a_working_s3_store()
    {
        string root = Path.Combine(Path.GetTempPath(), $"ricord-s3cfg-{Guid.NewGuid():N}");
        var env = new Hashtable
        {
            ["RICORD_S3_SERVICE_URL"] = server.ServiceUrl,
            ["RICORD_S3_BUCKET"] = "configured",
            ["RICORD_S3_ACCESS_KEY"] = "S3RVER",
            ["RICORD_S3_SECRET_KEY"] = "S3RVER",
            ["RICORD__S3__Prefix"] = "via-config/",
        };
        try
        {
            using var services = new ServiceCollection().AddRicord(RicordConfiguration.Load(root, environment: env)).BuildServiceProvider();
            var store = Assert.IsType<S3BlobStore>(services.GetRequiredService<IBlobStore>());
            await store.EnsureBucketAsync(CancellationToken.None);
            await BlobStoreContract.PutGetExistsListDelete(store);
            Assert.False(Directory.Exists(Path.Combine(root, "blobs")));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
