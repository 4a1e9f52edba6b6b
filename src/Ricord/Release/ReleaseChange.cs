namespace Ricord.Release;

/// <summary>How much a release changes its predecessor, and so which version part must grow (docs/release.md, "Versions").</summary>
public enum ReleaseChange
{
    /// <summary>Same data, labels and splits (files may differ, e.g. a fixed card or a new Ricord build).</summary>
    Patch,

    /// <summary>Data added or withdrawn; no label or split of a remaining study changed.</summary>
    Minor,

    /// <summary>A remaining study's consensus label or a remaining patient's split changed.</summary>
    Major,
}
