using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ricord.Release;

/// <summary>
/// A YAML release spec as the equivalent JSON, so both forms go through one parser with the same rules (unknown keys
/// refused). Plain scalars follow the YAML 1.2 core schema (true/false, null/~, integers and decimals); quoted scalars
/// are strings.
/// </summary>
internal static class ReleaseSpecYaml
{
    public static string ToJson(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ReleaseException($"the release spec is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ReleaseException("the release spec must be one YAML document");
        }

        return Node(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(Key(kv.Key), Node(kv.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(Node)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ReleaseException($"the release spec has an unsupported YAML node at line {node.Start.Line} (aliases are not allowed)"),
    };

    private static string Key(YamlNode key) =>
        key is YamlScalarNode { Value: { } k } ? k : throw new ReleaseException($"the release spec has a key that is not text at line {key.Start.Line}");

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) => JsonValue.Create(n),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }
}
