namespace Ricord.Annotation.Projects;

/// <summary>A read does not satisfy its schema; <see cref="Errors"/> lists every problem.</summary>
public sealed class ReadValidationException : Exception
{
    public ReadValidationException()
    {
    }

    public ReadValidationException(string message)
        : base(message)
    {
    }

    public ReadValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReadValidationException(string message, IReadOnlyList<string> errors)
        : base(message + ": " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
