using System.Globalization;

namespace Ricord.DeidScore;

/// <summary>A tiny command-line reader: a command, positional arguments, --name value options and --flag switches.</summary>
internal sealed class Arguments(string[] args)
{
    public string Command => args.Length > 0 ? args[0] : "";

    public string Positional(int i)
    {
        var positional = new List<string>();
        for (int k = 1; k < args.Length; k++)
        {
            if (args[k].StartsWith("--", StringComparison.Ordinal))
            {
                k += IsFlag(args[k]) ? 0 : 1;
                continue;
            }

            positional.Add(args[k]);
        }

        return i < positional.Count ? positional[i] : throw new ArgumentException($"missing argument {i + 1} of '{Command}'");
    }

    public string Text(string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public bool Flag(string name) => args.Contains(name);

    private static bool IsFlag(string arg) => arg is "--cli" or "--all";
}
