namespace Ricord.Release;

/// <summary>One file of a release as manifest.json lists it: path relative to the release root ('/'-separated), size, SHA-256 (hex).</summary>
public sealed record ReleaseFile(string Path, long Size, string Sha256);
