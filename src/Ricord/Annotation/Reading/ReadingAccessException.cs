namespace Ricord.Annotation.Projects;

/// <summary>The acting user may not do this: wrong role, not their read, or a look at other readers' labels that blinding forbids.</summary>
public sealed class ReadingAccessException : Exception
{
    public ReadingAccessException()
    {
    }

    public ReadingAccessException(string message)
        : base(message)
    {
    }

    public ReadingAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
