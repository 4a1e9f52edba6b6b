using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>Read failures of an input, told without its path: a site's paths may name patients, and quarantine details
/// are stored in the catalog and printed.</summary>
public static class InputErrors
{
    /// <summary>Failures that belong to one input (it is quarantined), as opposed to failures of Ricord's own storage.</summary>
    public static bool IsInputError(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException;

    /// <summary>What went wrong, in words that hold no path: the library's message only where it cannot name the file.</summary>
    public static string Describe(Exception ex, string sourcePath) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "it does not exist (a dangling link, or removed before it was read)",
        UnauthorizedAccessException => "permission denied",
        NotRegularFileException => ex.Message,
        InvalidDataException or NotSupportedException when IsPathFree(ex.Message, sourcePath) => $"damaged or unsupported data ({ex.Message.TrimEnd('.')})",
        InvalidDataException or NotSupportedException => "damaged or unsupported data",
        _ => "read error",
    };

    private static bool IsPathFree(string message, string sourcePath)
    {
        var name = Path.GetFileName(sourcePath.Split('!')[0]);
        return !message.Contains('/', StringComparison.Ordinal) && !message.Contains('\\', StringComparison.Ordinal)
            && (name.Length == 0 || !message.Contains(name, StringComparison.Ordinal));
    }
}
