namespace Ricord.Annotation.Schemas;

public static partial class LabelSchemaValidator
{
    /// <summary>Every <see cref="LabelGroup.NotApplicableWhen"/> refers to another single-choice group of the same scope and its labels, and no chain loops.</summary>
    private static void ValidateConditions(LabelSchema schema, List<string> errors)
    {
        var index = LabelSchemaIndex.Of(schema);
        foreach (var g in schema.Groups)
        {
            if (g?.NotApplicableWhen is not { } c)
            {
                continue;
            }

            string at = $"group '{g.Name}', notApplicableWhen";
            var other = string.IsNullOrWhiteSpace(c.Group) ? null : index.FindGroup(c.Group);
            if (other is null)
            {
                errors.Add($"{at}: group '{c.Group}' does not exist");
                continue;
            }

            if (ReferenceEquals(other, g))
            {
                errors.Add($"{at}: a group cannot depend on itself");
                continue;
            }

            if (other.Mode != LabelMode.SingleChoice || other.Scope != g.Scope)
            {
                errors.Add($"{at}: group '{other.Name}' must be a singleChoice group with the same scope ({LabelSchemaJson.ScopeName(g.Scope)})");
            }

            if (c.Labels is null || c.Labels.Count == 0)
            {
                errors.Add($"{at}: labels are missing");
                continue;
            }

            foreach (var name in c.Labels)
            {
                if (name is null || index.FindLabel(other.Name, name) is null)
                {
                    errors.Add($"{at}: label '{name}' is not in group '{other.Name}'");
                }
            }
        }

        foreach (var g in schema.Groups)
        {
            var seen = new HashSet<LabelGroup>(ReferenceEqualityComparer.Instance);
            for (var cur = g; cur?.NotApplicableWhen is { } c && index.FindGroup(c.Group ?? "") is { } next; cur = next)
            {
                if (!seen.Add(cur))
                {
                    errors.Add($"group '{g!.Name}', notApplicableWhen: the chain of conditions loops");
                    break;
                }
            }
        }
    }
}
