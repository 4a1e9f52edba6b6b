namespace Ricord.Annotation.Schemas;

/// <summary>
/// The label schemas shipped with Ricord, embedded JSON resources (Annotation/Schemas/Builtin): <c>ricord-ct</c>
/// (RICORD-1A) and <c>ricord-cxr</c> (RICORD-1C), with the exact published label strings.
/// </summary>
public static class BuiltinSchemas
{
    public const string RicordCt = "ricord-ct";

    public const string RicordCxr = "ricord-cxr";

    public static IReadOnlyList<string> Names { get; } = [RicordCt, RicordCxr];

    /// <summary>The schema's JSON text exactly as shipped; null when no built-in schema has that name.</summary>
    public static string? Json(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        using var stream = typeof(BuiltinSchemas).Assembly.GetManifestResourceStream($"Ricord.Annotation.Schemas.Builtin.{name}.json")
            ?? throw new InvalidOperationException($"The built-in schema resource {name}.json is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed, validated schema; null when no built-in schema has that name.</summary>
    public static LabelSchema? Get(string name) => Json(name) is { } json ? LabelSchemaJson.Parse(json) : null;

    public static LabelSchema Ct => LazyCt.Value;

    public static LabelSchema Cxr => LazyCxr.Value;

    // Parsed once: the resources never change and a LabelSchema is immutable.
    private static readonly Lazy<LabelSchema> LazyCt = new(() => Get(RicordCt)!);
    private static readonly Lazy<LabelSchema> LazyCxr = new(() => Get(RicordCxr)!);
}
