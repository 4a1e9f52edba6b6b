using Ricord.Deid;

namespace Ricord.DeidScoring;

/// <summary>The profile a score is for: "ricord" (built in), "basic" (Table E.1-1's Basic Profile alone), another built-in profile ("strict"), or a profile JSON file. Strict expectations apply when its name is "strict".</summary>
public sealed record ProfileChoice(DeidProfile Profile, bool Strict, string Label)
{
    public static ProfileChoice Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        // Built-in names first: a file named like a profile (the repository's ./ricord script) is not a profile.
        var profile = (nameOrPath.Equals("basic", StringComparison.OrdinalIgnoreCase) ? Basic : null)
            ?? DeidProfile.Builtin(nameOrPath)
            ?? (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath) ? DeidProfile.Load(nameOrPath) : null)
            ?? throw new ArgumentException($"No built-in profile '{nameOrPath}' and no such .json file.", nameof(nameOrPath));
        bool strict = profile.Name.Equals("strict", StringComparison.OrdinalIgnoreCase);
        return new ProfileChoice(profile, strict, profile.Name);
    }

    /// <summary>PS3.15 Basic Profile with no option: what gdcmanon and a dcmodify recipe claim, so peers are scored against it.</summary>
    public static DeidProfile Basic { get; } = new() { Name = "Basic", Description = "PS3.15 Basic Application Level Confidentiality Profile, no options." };

    /// <summary>Whether this is the built-in default (the CLI needs no --profile, and ingest can be scored).</summary>
    public bool IsDefault => ReferenceEquals(Profile, DeidProfile.Ricord);
}
