using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ricord.Annotation.Schemas;

/// <summary>
/// A label schema's JSON form (docs/schemas.md): camelCase properties; <c>scope</c> as MD.ai writes it
/// (<c>"STUDY"</c>, <c>"SERIES"</c>, <c>"INSTANCE"</c>); <c>mode</c> camelCase (<c>"singleChoice"</c>,
/// <c>"multipleChoice"</c>, <c>"polygon"</c>, <c>"freeform"</c>, <c>"mask"</c>, <c>"boundingBox"</c>).
/// Unknown properties are errors (a misspelt <c>"requried"</c> must not be silently ignored); comments are
/// allowed. Written indented, with label strings unescaped (<c>&gt;</c> stays <c>&gt;</c>), nulls
/// left out.
/// </summary>
public static class LabelSchemaJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Reads and structurally validates a schema; throws <see cref="LabelSchemaException"/> listing every problem.</summary>
    public static LabelSchema Parse(string json)
    {
        var schema = Deserialize(json);
        var errors = LabelSchemaValidator.Validate(schema);
        return errors.Count == 0 ? schema : throw new LabelSchemaException(string.IsNullOrWhiteSpace(schema.Name) ? "(unnamed)" : schema.Name, errors);
    }

    /// <summary>Reads a schema without structural validation; throws <see cref="LabelSchemaException"/> on malformed JSON or wrong types.</summary>
    public static LabelSchema Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<LabelSchema>(json, Options) ?? throw new LabelSchemaException("The label schema JSON is null; expected an object with name, version and groups.");
        }
        catch (JsonException ex)
        {
            throw new LabelSchemaException($"The label schema JSON cannot be read: {ex.Message}", ex);
        }
    }

    public static string Serialize(LabelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return JsonSerializer.Serialize(schema, Options) + "\n";
    }

    /// <summary>A mode as the JSON writes it (<c>singleChoice</c>, <c>boundingBox</c>, …).</summary>
    public static string ModeName(LabelMode mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());

    /// <summary>A scope as the JSON (and MD.ai) writes it (<c>STUDY</c>, <c>SERIES</c>, <c>INSTANCE</c>).</summary>
    public static string ScopeName(LabelScope scope) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(scope.ToString());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            NewLine = "\n",
        };
        options.Converters.Add(new JsonStringEnumConverter<LabelScope>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter<LabelMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
