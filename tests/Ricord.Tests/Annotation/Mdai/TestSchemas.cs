using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Mdai;

/// <summary>RICORD's CT and radiograph label strings (RICORD.md §3) as schemas for these tests.</summary>
internal static class TestSchemas
{
    public static readonly string[] CtSegmentation =
        ["Infectious opacity", "Infectious TIB/micronodules", "Atelectasis", "Other noninfectious opacity", "Noninfectious nodule/mass", "Infectious cavity"];

    public static readonly LabelSchema Ct = new("RICORD CT", 1, null,
    [
        new LabelGroup("Appearance", null, LabelScope.Study, LabelMode.SingleChoice, Labels("Typical", "Indeterminate", "Atypical", "Negative for pneumonia"), true, true),
        new LabelGroup("Segmentation", null, LabelScope.Instance, LabelMode.Freeform, Labels(CtSegmentation)),
    ]);

    public static readonly LabelSchema Cxr = new("RICORD CXR", 1, null,
    [
        new LabelGroup("Appearance", null, LabelScope.Study, LabelMode.SingleChoice,
            Labels("Typical Appearance", "Indeterminate Appearance", "Atypical Appearance", "Negative for Pneumonia"), true),
        new LabelGroup("Airspace Disease Grading", null, LabelScope.Study, LabelMode.SingleChoice,
            Labels("Mild Opacities  (1-2 lung zones)", "Moderate Opacities (3-4 lung zones)", "Severe Opacities (>4 lung zones)", "Invalid Study")),
    ]);

    private static List<LabelDefinition> Labels(params string[] names) => [.. names.Select(n => new LabelDefinition(n, null, "#FF0000"))];
}
