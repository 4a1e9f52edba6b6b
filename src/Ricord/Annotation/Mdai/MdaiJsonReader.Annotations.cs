using System.Text.Json;

namespace Ricord.Annotation.Mdai;

public static partial class MdaiJsonReader
{
    private static MdaiAnnotation Annotation(JsonTokenStream t)
    {
        var a = new MdaiAnnotation("", "", "");
        Object(t, "an annotation", m => a = m switch
        {
            "id" => a with { Id = String(t) ?? "" },
            "labelId" => a with { LabelId = String(t) ?? "" },
            "StudyInstanceUID" => a with { StudyInstanceUid = String(t) ?? "" },
            "SeriesInstanceUID" => a with { SeriesInstanceUid = String(t) },
            "SOPInstanceUID" => a with { SopInstanceUid = String(t) },
            "frameNumber" => a with { FrameNumber = Int(t) },
            "data" => a with { Data = Data(t) },
            "height" => a with { Height = Int(t) },
            "width" => a with { Width = Int(t) },
            "annotationNumber" => a with { AnnotationNumber = Int(t) },
            "note" => a with { Note = String(t) },
            "radlexTagIds" => a with { RadlexTagIds = Strings(t) },
            "createdAt" => a with { CreatedAt = String(t) },
            "createdById" => a with { CreatedById = String(t) },
            "updatedAt" => a with { UpdatedAt = String(t) },
            "updatedById" => a with { UpdatedById = String(t) },
            "updateHistory" => a with { UpdateHistory = Raw(t) },
            "reviews" => a with { Reviews = Raw(t) },
            "reviewsPositiveCount" => a with { ReviewsPositiveCount = Int(t) },
            "reviewsNegativeCount" => a with { ReviewsNegativeCount = Int(t) },
            "parentId" => a with { ParentId = String(t) },
            "isImported" => a with { IsImported = Bool(t) },
            "isInterpolated" => a with { IsInterpolated = Bool(t) },
            "groupId" => a with { GroupId = String(t) },
            "machineLearningModelId" => a with { MachineLearningModelId = String(t) },
            _ => Skipped(t, a),
        });
        return a;
    }

    private static string? Raw(JsonTokenStream t) => t.TokenType == JsonTokenType.Null ? null : t.CopyValue();

    private static MdaiData? Data(JsonTokenStream t)
    {
        if (t.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var d = new MdaiData();
        Object(t, "annotation data", m => d = m switch
        {
            "x" => d with { X = Double(t) },
            "y" => d with { Y = Double(t) },
            "width" => d with { Width = Double(t) },
            "height" => d with { Height = Double(t) },
            "cx" => d with { Cx = Double(t) },
            "cy" => d with { Cy = Double(t) },
            "rx" => d with { Rx = Double(t) },
            "ry" => d with { Ry = Double(t) },
            "vertices" => d with { Vertices = Points(t) },
            "foreground" => d with { Foreground = Rings(t) },
            "background" => d with { Background = Rings(t) },
            _ => Skipped(t, d),
        });
        return d;
    }

    private static List<IReadOnlyList<double>>? Rings(JsonTokenStream t)
    {
        if (t.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var rings = new List<IReadOnlyList<double>>();
        Array(t, "rings", () =>
        {
            if (Points(t) is { } ring)
            {
                rings.Add(ring);
            }
        });
        return rings;
    }

    // [[x, y], …] (extra coordinates ignored) or [{"x":…, "y":…}, …]; flat x0, y0, x1, y1, ….
    private static double[]? Points(JsonTokenStream t)
    {
        if (t.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var xy = new List<double>();
        Array(t, "vertices", () =>
        {
            double? x = null, y = null;
            if (t.TokenType == JsonTokenType.StartObject)
            {
                Object(t, "a vertex", m =>
                {
                    switch (m)
                    {
                        case "x": x = Double(t); break;
                        case "y": y = Double(t); break;
                        default: t.Skip(); break;
                    }
                });
            }
            else
            {
                int i = 0;
                Array(t, "a vertex", () =>
                {
                    double? v = Double(t);
                    if (i == 0)
                    {
                        x = v;
                    }
                    else if (i == 1)
                    {
                        y = v;
                    }

                    i++;
                });
            }

            if (x is not { } px || y is not { } py)
            {
                throw t.Error("A vertex needs two numbers (x, y)");
            }

            xy.Add(px);
            xy.Add(py);
        });
        return [.. xy];
    }
}
