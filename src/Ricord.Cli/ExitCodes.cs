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

    /// <summary>The output folder is not empty, or the output file exists (synth, read export without --force).</summary>
    public const int OutputNotEmpty = 4;

    /// <summary>The command ran, but some inputs were quarantined or conflicted (ingest).</summary>
    public const int PartialSuccess = 5;

    /// <summary>An unexpected failure (a bug, the disk full, the database gone): `ricord: internal error …` on stderr,
    /// the stack trace with RICORD_DEBUG=1. EX_SOFTWARE of sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>The disk under the data directory is full (ingest): what fitted is stored, each instance whole, and the
    /// message says how much; free space and run the same command again. EX_TEMPFAIL of sysexits.h (try again later).</summary>
    public const int NoSpace = 75;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
