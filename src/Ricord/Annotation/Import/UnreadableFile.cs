namespace Ricord.Annotation.Import;

/// <summary>A file under the images folder that is not a usable DICOM instance, and why.</summary>
public sealed record UnreadableFile(string Path, string Reason);
