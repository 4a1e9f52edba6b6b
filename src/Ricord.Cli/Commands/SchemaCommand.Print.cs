using Ricord.Annotation.Schemas;

namespace Ricord.Cli.Commands;

public static partial class SchemaCommand
{
    /// <summary>A readable listing; label names in double quotes so that a double space is visible.</summary>
    private static void Print(LabelSchema s, TextWriter output)
    {
        output.WriteLine($"{s.Name} v{s.Version}");
        if (s.Description is { } d)
        {
            output.WriteLine($"  {d}");
        }

        foreach (var g in s.Groups)
        {
            var flags = new List<string> { LabelSchemaJson.ScopeName(g.Scope), LabelSchemaJson.ModeName(g.Mode) };
            if (g.Required)
            {
                flags.Add("required");
            }

            if (g.Ordinal)
            {
                flags.Add("ordinal");
            }

            if (g.NotApplicableWhen is { } c)
            {
                flags.Add($"not applicable when {c.Group} is {string.Join(" or ", c.Labels.Select(l => $"\"{l}\""))}");
            }

            output.WriteLine();
            output.WriteLine($"  {g.Name} ({string.Join(", ", flags)})");
            foreach (var l in g.Labels)
            {
                string ordinal = l.Ordinal is { } o ? $" [{o}]" : "";
                string exclusive = l.Exclusive ? " exclusive" : "";
                output.WriteLine($"    \"{l.Name}\"{ordinal}{exclusive}  {l.Color}");
            }
        }
    }
}
