namespace Ricord.Annotation.Schemas;

/// <summary>A label schema that cannot be read or is not valid; <see cref="Errors"/> lists every problem, each naming the group, label and field.</summary>
public sealed class LabelSchemaException : Exception
{
    public LabelSchemaException()
        : this("The label schema is not valid.")
    {
    }

    public LabelSchemaException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public LabelSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public LabelSchemaException(string schema, IReadOnlyList<string> errors)
        : base($"Label schema {schema} is not valid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    public IReadOnlyList<string> Errors { get; }
}
