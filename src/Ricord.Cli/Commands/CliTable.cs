using System.Globalization;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary>
/// How every command prints a table. On a terminal: a drawn table, as wide as the terminal (<c>COLUMNS</c> when set),
/// colours unless <c>NO_COLOR</c> is set. Anywhere else (a pipe, a file, a test's writer): plain aligned text, one
/// line per row with every value in full, no box drawing and no wrapping, so a 64-character UID stays on its line
/// and <c>cut</c>, <c>grep</c> and spreadsheets read what was printed.
/// </summary>
public static class CliTable
{
    /// <summary>A width no row reaches: plain output is never wrapped.</summary>
    private const int Unbounded = 1 << 20;

    public static void Write(TextWriter output, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool terminal = CliProgress.IsTerminal(output);
        if (!terminal)
        {
            table.Border(TableBorder.None);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Ansi = terminal && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = terminal ? Columns() ?? console.Profile.Width : Unbounded;
        if (!terminal)
        {
            console.Profile.Capabilities.Unicode = false;
        }

        console.Write(table);
    }

    /// <summary>The width <c>COLUMNS</c> sets, when it is a positive number.</summary>
    private static int? Columns() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;
}
