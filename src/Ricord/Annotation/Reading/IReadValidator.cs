using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Projects;

/// <summary>Checks a read against its project's schema. Drafts are checked with <c>submitting = false</c> (only
/// what can never be right, e.g. an unknown label); a submit with <c>submitting = true</c> (required groups answered too).</summary>
public interface IReadValidator
{
    /// <summary>Every problem found, each a message a reader can act on; empty when the read is valid.</summary>
    IReadOnlyList<string> Validate(LabelSchema schema, ReadContent content, bool submitting);
}
