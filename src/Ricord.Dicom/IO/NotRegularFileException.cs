namespace Ricord.Dicom;

/// <summary>An input that is not a regular file: a folder, a named pipe, a socket or a device (<see cref="RegularFile"/>).</summary>
public sealed class NotRegularFileException : IOException
{
    public NotRegularFileException()
        : base("not a regular file (a folder, a named pipe, a socket or a device)")
    {
    }

    public NotRegularFileException(string message)
        : base(message)
    {
    }

    public NotRegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
