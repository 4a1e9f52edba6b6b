namespace Ricord.Release;

/// <summary>Studies whose complete consensus in <see cref="Project"/> gives one of <see cref="Labels"/> (in
/// <see cref="Group"/>, or in any group when it is null).</summary>
public sealed record ReleaseConsensusSelector
{
    public string Project { get; init; } = "";

    public string? Group { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>PROJECT=LABEL or PROJECT/GROUP=LABEL (the command line's form).</summary>
    public static ReleaseConsensusSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new ReleaseException($"consensus selector '{text}' is not PROJECT=LABEL or PROJECT/GROUP=LABEL");
        }

        string head = text[..eq];
        int slash = head.IndexOf('/', StringComparison.Ordinal);
        return new ReleaseConsensusSelector
        {
            Project = slash < 0 ? head : head[..slash],
            Group = slash < 0 ? null : head[(slash + 1)..],
            Labels = [text[(eq + 1)..]],
        };
    }
}
