namespace Ricord.Dicom;

/// <summary>DICOM JSON that does not follow PS3.18 Annex F. Names the JSON path (e.g. "$.00100010.Value[0]") and the problem.</summary>
public sealed class DicomJsonException : Exception
{
    public DicomJsonException(string message, string path, Exception? inner = null)
        : base($"{path}: {message}", inner)
    {
        Path = path;
    }

    public DicomJsonException()
        : this("Invalid DICOM JSON", "$")
    {
    }

    public DicomJsonException(string message)
        : this(message, "$")
    {
    }

    public DicomJsonException(string message, Exception inner)
        : this(message, "$", inner)
    {
    }

    /// <summary>Where in the JSON the problem is, in JSONPath notation.</summary>
    public string Path { get; }
}
