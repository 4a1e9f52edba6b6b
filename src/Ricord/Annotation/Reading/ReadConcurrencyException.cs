namespace Ricord.Annotation.Projects;

/// <summary>A read changed since the caller loaded it (its version is stale); reload and apply the edit again.</summary>
public sealed class ReadConcurrencyException : Exception
{
    public ReadConcurrencyException()
    {
    }

    public ReadConcurrencyException(string message)
        : base(message)
    {
    }

    public ReadConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
