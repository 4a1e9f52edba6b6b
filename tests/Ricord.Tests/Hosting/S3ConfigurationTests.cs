using System.Collections;
using Ricord.Tests.Storage;

namespace Ricord.Tests.Hosting;

/// <summary>The variables of earlier releases (RICORD_S3_*) still choose S3, now through the composition root, and
/// the store they give works against a real S3-compatible server (s3rver on loopback).</summary>
public sealed class S3ConfigurationTests(S3rverFixture server) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task The_old_s3_variables_give_a_working_s3_store()
    {
        var env = new Hashtable
        {
            ["RICORD_S3_SERVICE_URL"] = server.ServiceUrl,
            ["RICORD_S3_BUCKET"] = "configured",
            ["RICORD_S3_ACCESS_KEY"] = "S3RVER",
            ["RICORD_S3_SECRET_KEY"] = "S3RVER",
            ["RICORD__S3__Prefix"] = "via-config/",
        };
        await BlobStoreContract.ConfiguredS3StoreWorks(env);
    }
}
