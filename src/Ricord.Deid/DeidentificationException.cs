namespace Ricord.Deid;

/// <summary>
/// De-identification could not be done safely. Messages name tags and keywords only, never a value:
/// no original identifier may reach a log line through an exception.
/// </summary>
public sealed class DeidentificationException : Exception
{
    public DeidentificationException()
    {
    }

    public DeidentificationException(string message)
        : base(message)
    {
    }

    public DeidentificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
