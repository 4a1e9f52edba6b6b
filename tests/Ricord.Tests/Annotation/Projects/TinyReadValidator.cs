using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>A minimal validator for these tests (the schemas' own ReadValidator replaces it in the hosts):
/// every label and shape names a label of its group; on submit every required group is answered.</summary>
internal sealed class TinyReadValidator : IReadValidator
{
    public IReadOnlyList<string> Validate(LabelSchema schema, ReadContent content, bool submitting)
    {
        var errors = new List<string>();
        foreach (var (group, label) in content.Labels.Select(l => (l.Group, l.Label)).Concat(content.Shapes.Select(s => (s.Group, s.Label))))
        {
            var g = schema.Groups.FirstOrDefault(x => LabelNames.Same(x.Name, group));
            if (g is null || !g.Labels.Any(x => LabelNames.Same(x.Name, label)))
            {
                errors.Add($"unknown label '{label}' in group '{group}'");
            }
        }

        if (submitting)
        {
            errors.AddRange(schema.Groups.Where(g => g.Required && !content.Labels.Any(l => LabelNames.Same(l.Group, g.Name)))
                .Select(g => $"required group '{g.Name}' is not answered"));
        }

        return errors;
    }
}
