namespace Ricord.Annotation.Projects;

/// <summary>A reading operation that cannot proceed: unknown project, user, study or read, a locked (submitted) read, a bad project definition.</summary>
public sealed class ReadingException : Exception
{
    public ReadingException()
    {
    }

    public ReadingException(string message)
        : base(message)
    {
    }

    public ReadingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
