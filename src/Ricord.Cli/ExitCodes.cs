namespace Ricord.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad arguments; System.CommandLine returns this for parse errors.</summary>
    public const int Usage = 1;

    /// <summary>The input exists but is not valid (the message names the file, byte offset and element).</summary>
    public const int InvalidInput = 2;

    public const int FileNotFound = 3;
}
