using System.Text.Json;

namespace Ricord.Cli.Tests.Commands;

/// <summary>Every list command can print JSON for scripts (issue 18): an array of camelCase objects with the values in full.</summary>
public sealed class ListJsonTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-listjson-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Sites_and_collections_list_as_json_arrays()
    {
        string data = Path.Combine(_root, "data");
        Assert.Equal(0, InProcessCli.Run("sites", "add", "419639", "--name", "Site with a long name, not cut", "--data", data).Code);
        Assert.Equal(0, InProcessCli.Run("sites", "add", "SITE2", "--data", data).Code);
        Assert.Equal(0, InProcessCli.Run("collections", "add", "RICORD-1A", "--description", "CT, COVID-positive", "--data", data).Code);

        var (code, output, err) = InProcessCli.Run("sites", "list", "--json", "--data", data);
        Assert.True(code == 0, err);
        var sites = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, sites.Count);
        var first = sites.Single(s => s.GetProperty("code").GetString() == "419639");
        Assert.Equal("Site with a long name, not cut", first.GetProperty("name").GetString());
        Assert.True(first.GetProperty("id").GetInt64() > 0);

        (code, output, err) = InProcessCli.Run("collections", "list", "--json", "--data", data);
        Assert.True(code == 0, err);
        var collection = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("RICORD-1A", collection.GetProperty("name").GetString());
        Assert.Equal("CT, COVID-positive", collection.GetProperty("description").GetString());
    }

    [Fact]
    public void Schema_list_as_json_names_groups_and_exact_labels()
    {
        var (code, output, err) = InProcessCli.Run("schema", "list", "--json");
        Assert.True(code == 0, err);
        var schemas = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["ricord-ct", "ricord-cxr"], schemas.Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var cxr = schemas.Single(s => s.GetProperty("name").GetString() == "ricord-cxr");
        Assert.Equal(1, cxr.GetProperty("version").GetInt32());
        var labels = cxr.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("labels").EnumerateArray()).Select(l => l.GetString()).ToList();
        Assert.Contains("Mild Opacities  (1-2 lung zones)", labels);
        Assert.Contains("Invalid Study", labels);
    }
}
