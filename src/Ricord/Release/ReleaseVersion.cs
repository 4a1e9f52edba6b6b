using System.Globalization;

namespace Ricord.Release;

/// <summary>A release's semantic version MAJOR.MINOR.PATCH (non-negative integers, no leading zeros).</summary>
public sealed record ReleaseVersion(int Major, int Minor, int Patch) : IComparable<ReleaseVersion>
{
    public static ReleaseVersion Parse(string text)
    {
        var parts = (text ?? "").Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Length > 9 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0')))
        {
            throw new ReleaseException($"'{text}' is not a semantic version MAJOR.MINOR.PATCH (e.g. 1.0.0)");
        }

        return new ReleaseVersion(Int(parts[0]), Int(parts[1]), Int(parts[2]));
    }

    public int CompareTo(ReleaseVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
