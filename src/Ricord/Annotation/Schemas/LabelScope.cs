namespace Ricord.Annotation.Schemas;

/// <summary>What a label is attached to, as MD.ai's <c>scope</c> (RICORD.md §6.2).</summary>
public enum LabelScope
{
    Study,
    Series,
    Instance,
}
