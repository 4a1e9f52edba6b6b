namespace Ricord.Annotation.Projects;

/// <summary>How far an import is: reads checked (validated and encoded) of the total; storing follows in one transaction.</summary>
public readonly record struct ReadImportProgress(int Checked, int Total);
