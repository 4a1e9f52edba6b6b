namespace Ricord.Release;

/// <summary>A remaining patient whose split differs between two releases.</summary>
public sealed record ReleaseSplitMove(string Patient, string From, string To);
