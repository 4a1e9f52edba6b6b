namespace Ricord.Annotation.Mdai;

/// <summary>An MD.ai label matched to a schema label by normalised name; <see cref="RawName"/> is the export's string.</summary>
public sealed record MdaiLabelMatch(string LabelId, string RawName, string MdaiGroup, string SchemaGroup, string SchemaLabel);
