namespace Ricord.Release;

/// <summary>A release cannot be built or read: the message says what to fix (never an original identifier).</summary>
public sealed class ReleaseException : Exception
{
    public ReleaseException()
    {
    }

    public ReleaseException(string message)
        : base(message)
    {
    }

    public ReleaseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The output folder holds something other than this build's unfinished output (CLI exit 4).</summary>
    public bool OutputNotEmpty { get; init; }
}
