namespace Ricord.Release;

/// <summary>A remaining study whose consensus label in a project's group differs between two releases (null: none).</summary>
public sealed record ReleaseRelabel(string Study, string Project, string Group, string? From, string? To);
