namespace Ricord.Cli.Tests.Commands;

/// <summary>One crash-test input: the site's DICOM folder, the extras folder, and how many files they hold.</summary>
public sealed record IngestCrashInput(string SiteDicom, string Extras, int Files);
