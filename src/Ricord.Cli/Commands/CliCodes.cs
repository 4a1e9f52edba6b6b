using System.CommandLine;
using System.CommandLine.Parsing;
using Ricord.Deid;

namespace Ricord.Cli.Commands;

/// <summary>Collection and site codes checked when the command line is parsed (<see cref="RegistryCodes"/>): a bad code
/// is a usage error before anything runs, not a failure halfway through.</summary>
public static class CliCodes
{
    public static T Collection<T>(T symbol)
        where T : Symbol => Checked(symbol, site: false);

    public static T Site<T>(T symbol)
        where T : Symbol => Checked(symbol, site: true);

    private static T Checked<T>(T symbol, bool site)
        where T : Symbol
    {
        switch (symbol)
        {
            case Option option:
                option.Validators.Add(r => Check(r, r.Tokens.Select(t => t.Value), site));
                break;
            case Argument argument:
                argument.Validators.Add(r => Check(r, r.Tokens.Select(t => t.Value), site));
                break;
            default:
                throw new ArgumentException($"{symbol.Name} is neither an option nor an argument.", nameof(symbol));
        }

        return symbol;
    }

    private static void Check(SymbolResult result, IEnumerable<string> values, bool site)
    {
        foreach (var value in values)
        {
            if (RegistryCodes.Problem(value, site) is { } problem)
            {
                result.AddError($"'{value}': {problem}");
                return;
            }
        }
    }
}
