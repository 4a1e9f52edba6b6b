using System.Text.RegularExpressions;

namespace Ricord.Cli.Tests.Architecture;

/// <summary>
/// The CLI's command handlers as written in <c>src/Ricord.Cli/Commands</c>: each <c>SetAction(…)</c> lambda with the command's own
/// methods it calls, transitively (<c>SetAction((p, ct) =&gt; RunAsync(p, ct))</c> is as long as <c>RunAsync</c> and
/// what it calls). Read from the source text (braces matched, strings and comments skipped), so the rule "parse, call one
/// application service, render" is checked without running anything.
/// </summary>
internal sealed partial record HandlerShape(string File, int Line, int Lines, IReadOnlyList<string> Services, IReadOnlyList<string> DirectWork)
{
    /// <summary>Where a handler is named in reports: <c>QuarantineCommand.cs:27</c>.</summary>
    public string Name => $"{File}:{Line}";

    /// <summary>Every handler in the commands folder.</summary>
    public static List<HandlerShape> ReadAll(string commandsFolder)
    {
        var handlers = new List<HandlerShape>();
        var files = Directory.GetFiles(commandsFolder, "*.cs").Order(StringComparer.Ordinal).ToList();
        var texts = files.ToDictionary(f => f, System.IO.File.ReadAllText, StringComparer.Ordinal);
        foreach (var file in files)
        {
            handlers.AddRange(Read(Path.GetFileName(file), texts[file], CommandText(file, texts)));
        }

        return handlers;
    }

    /// <summary>The handlers of one file; <paramref name="command"/> is the whole command's text (all its partials),
    /// where a forwarded-to method is looked up.</summary>
    public static IEnumerable<HandlerShape> Read(string file, string text, string command)
    {
        foreach (Match m in SetAction().Matches(text))
        {
            int open = m.Index + m.Length - 1;
            int close = Matching(text, open, '(', ')');
            var parts = new List<string> { text[open..(close + 1)] };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < parts.Count; i++)
            {
                // The command's own methods the handler calls (transitively) are part of it: a long Run(...) behind a
                // short lambda is still a long handler.
                foreach (Match call in Call().Matches(parts[i]))
                {
                    if (seen.Add(call.Groups[1].Value))
                    {
                        parts.AddRange(MethodBodies(command, call.Groups[1].Value));
                    }
                }
            }

            string body = string.Join('\n', parts);
            int line = text[..m.Index].Count(c => c == '\n') + 1;
            yield return new HandlerShape(file, line, parts.Sum(b => b.Count(c => c == '\n') + 1),
                [.. ServiceUse().Matches(body).Select(s => s.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. Work().Matches(body).Select(s => s.Value).Distinct(StringComparer.Ordinal)]);
        }
    }

    private static string CommandText(string file, Dictionary<string, string> texts)
    {
        string stem = Path.GetFileNameWithoutExtension(file).Split('.')[0];
        return string.Join('\n', texts.Where(t => Path.GetFileName(t.Key).Split('.')[0] == stem).Select(t => t.Value));
    }

    /// <summary>The text of each method <paramref name="name"/> (overloads too), from its signature to its end.</summary>
    private static IEnumerable<string> MethodBodies(string text, string name)
    {
        foreach (Match m in Regex.Matches(text, $@"\bstatic\s+(?:\([^()\n]*\)\??|[^\n;{{}}()=]+?)\s+{Regex.Escape(name)}\s*\("))
        {
            int signatureEnd = Matching(text, m.Index + m.Length - 1, '(', ')');
            int brace = text.IndexOf('{', signatureEnd);
            int arrow = text.IndexOf("=>", signatureEnd, StringComparison.Ordinal);
            if (arrow >= 0 && (brace < 0 || arrow < brace))
            {
                // Expression-bodied: to the end of its statement.
                int end = text.IndexOf(";\n", arrow, StringComparison.Ordinal);
                yield return text[m.Index..(end < 0 ? text.Length : end + 1)];
            }
            else
            {
                yield return text[m.Index..(Matching(text, brace, '{', '}') + 1)];
            }
        }
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, skipping strings, chars and comments.</summary>
    internal static int Matching(string text, int open, char opening, char closing)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i);
                continue;
            }

            if (c is '"' or '\'')
            {
                i = SkipLiteral(text, i);
                continue;
            }

            depth += c == opening ? 1 : c == closing ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"unbalanced '{opening}' at offset {open}");
    }

    private static int SkipLiteral(string text, int i)
    {
        char quote = text[i];
        bool verbatim = quote == '"' && i > 0 && (text[i - 1] == '@' || (text[i - 1] == '$' && i > 1 && text[i - 2] == '@'));
        bool raw = quote == '"' && i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"';
        if (raw)
        {
            int end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            return end + 2;
        }

        for (int j = i + 1; j < text.Length; j++)
        {
            if (text[j] == '\\' && !verbatim)
            {
                j++;
            }
            else if (text[j] == quote)
            {
                if (verbatim && j + 1 < text.Length && text[j + 1] == '"')
                {
                    j++;
                    continue;
                }

                return j;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"\.SetAction\(")]
    private static partial Regex SetAction();

    /// <summary>An unqualified call of a method (the command's own static methods are found among these).</summary>
    [GeneratedRegex(@"(?<![.\w]|new\s)([A-Z]\w*)\s*\(")]
    private static partial Regex Call();

    /// <summary>An application service taken from the container (<c>dir.Get&lt;QuarantineService&gt;()</c>).</summary>
    [GeneratedRegex(@"\.Get<(\w+)>\(\)")]
    private static partial Regex ServiceUse();

    /// <summary>Work that belongs in a service: the catalog's database, the vault, a pipeline of its own.</summary>
    [GeneratedRegex(@"\bCreateContext\(\)|\bDbContext\b|\.Vault\.|\bCreateIngestPipeline\(|\bExecuteDeleteAsync\b|\bToListAsync\b")]
    private static partial Regex Work();
}
