using System.Collections;
using Ricord.Catalog;
using Ricord.Hosting;

namespace Ricord.Tests.Hosting;

/// <summary>Settings come from ricord.json, the older variables, RICORD__ variables and the command line, later
/// sources winning.</summary>
public sealed class RicordConfigurationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ricord-config-{Guid.NewGuid():N}");

    public RicordConfigurationTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Without_settings_the_catalog_is_sqlite_in_the_directory_and_blobs_are_local()
    {
        var options = RicordConfiguration.Load(_root, environment: new Hashtable());
        Assert.Equal(Path.GetFullPath(_root), options.DataDirectory);
        Assert.Equal(CatalogProvider.Sqlite, options.Catalog.Provider);
        Assert.False(options.S3.Enabled);
        var catalog = options.Catalog.ToCatalogOptions(options.DataDirectory);
        Assert.Equal(options.DataDirectory, catalog.DataDirectory);
    }

    [Fact]
    public void The_older_variables_still_choose_postgres_and_s3()
    {
        var env = new Hashtable
        {
            ["RICORD_CATALOG_PROVIDER"] = "postgres",
            ["RICORD_CATALOG_CONNECTION"] = "Host=db;Database=ricord",
            ["RICORD_S3_SERVICE_URL"] = "http://127.0.0.1:9000",
            ["RICORD_S3_ACCESS_KEY"] = "ak",
            ["RICORD_S3_SECRET_KEY"] = "sk",
        };
        var options = RicordConfiguration.Load(_root, environment: env);
        var catalog = options.Catalog.ToCatalogOptions(options.DataDirectory);
        Assert.Equal(CatalogProvider.Postgres, catalog.Provider);
        Assert.Equal("Host=db;Database=ricord", catalog.ConnectionString);
        Assert.True(options.S3.Enabled);
        var s3 = options.S3.ToStoreOptions();
        Assert.Equal(("http://127.0.0.1:9000", "ricord", "ak", "sk"), (s3.ServiceUrl, s3.Bucket, s3.AccessKey, s3.SecretKey));
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_settings_that_give_one()
    {
        var options = RicordConfiguration.Load(_root, environment: new Hashtable { ["RICORD_CATALOG_PROVIDER"] = "postgres" });
        var e = Assert.Throws<RicordConfigurationException>(() => options.Catalog.ToCatalogOptions(options.DataDirectory));
        Assert.Contains("RICORD_CATALOG_CONNECTION", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_a_configuration_error_naming_the_setting()
    {
        var e = Assert.Throws<RicordConfigurationException>(() => RicordConfiguration.Load(_root, ["Catalog:Provider=oracle"], new Hashtable()));
        Assert.Contains("Catalog:Provider", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_sources_win_file_then_old_variables_then_prefixed_variables_then_command_line()
    {
        File.WriteAllText(Path.Combine(_root, RicordConfiguration.FileName),
            """{ "Catalog": { "ConnectionString": "from-file" }, "S3": { "Bucket": "file-bucket", "Region": "eu-west-1", "Prefix": "p/" } }""");
        Assert.Equal("from-file", RicordConfiguration.Load(_root, environment: new Hashtable()).Catalog.ConnectionString);

        var env = new Hashtable { ["RICORD_CATALOG_CONNECTION"] = "from-alias", ["RICORD_S3_BUCKET"] = "alias-bucket" };
        var aliased = RicordConfiguration.Load(_root, environment: env);
        Assert.Equal(("from-alias", "alias-bucket", "eu-west-1", "p/"), (aliased.Catalog.ConnectionString, aliased.S3.Bucket, aliased.S3.Region, aliased.S3.Prefix));

        env["RICORD__Catalog__ConnectionString"] = "from-prefixed";
        Assert.Equal("from-prefixed", RicordConfiguration.Load(_root, environment: env).Catalog.ConnectionString);

        var commandLine = RicordConfiguration.Load(_root, ["Catalog:ConnectionString=from-command-line"], env);
        Assert.Equal("from-command-line", commandLine.Catalog.ConnectionString);
        Assert.Equal("alias-bucket", commandLine.S3.Bucket);
    }

    [Fact]
    public void No_source_moves_the_data_directory_away_from_where_ricord_json_was_read()
    {
        File.WriteAllText(Path.Combine(_root, RicordConfiguration.FileName), """{ "DataDirectory": "/elsewhere" }""");
        var options = RicordConfiguration.Load(_root, ["DataDirectory=/other"], new Hashtable { ["RICORD__DataDirectory"] = "/third" });
        Assert.Equal(Path.GetFullPath(_root), options.DataDirectory);
    }
}
