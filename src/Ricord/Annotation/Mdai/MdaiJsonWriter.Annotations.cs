using System.Text.Json;

namespace Ricord.Annotation.Mdai;

public static partial class MdaiJsonWriter
{
    private static void Annotation(Utf8JsonWriter w, MdaiAnnotation a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("labelId", a.LabelId);
        w.WriteString("StudyInstanceUID", a.StudyInstanceUid);
        w.WriteString("SeriesInstanceUID", a.SeriesInstanceUid);
        w.WriteString("SOPInstanceUID", a.SopInstanceUid);
        Number(w, "frameNumber", a.FrameNumber);
        if (a.Data is { } d)
        {
            w.WritePropertyName("data");
            Data(w, d);
        }
        else
        {
            w.WriteNull("data");
        }

        Number(w, "height", a.Height);
        Number(w, "width", a.Width);
        Number(w, "annotationNumber", a.AnnotationNumber);
        w.WriteString("note", a.Note);
        Strings(w, "radlexTagIds", a.RadlexTagIds);
        w.WriteString("createdAt", a.CreatedAt);
        w.WriteString("createdById", a.CreatedById);
        w.WriteString("updatedAt", a.UpdatedAt);
        w.WriteString("updatedById", a.UpdatedById);
        Raw(w, "updateHistory", a.UpdateHistory);
        Raw(w, "reviews", a.Reviews);
        Number(w, "reviewsPositiveCount", a.ReviewsPositiveCount);
        Number(w, "reviewsNegativeCount", a.ReviewsNegativeCount);
        w.WriteString("parentId", a.ParentId);
        Bool(w, "isImported", a.IsImported);
        Bool(w, "isInterpolated", a.IsInterpolated);
        w.WriteString("groupId", a.GroupId);
        w.WriteString("machineLearningModelId", a.MachineLearningModelId);
        w.WriteEndObject();
    }

    private static void Raw(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(json);
        }
    }

    private static void Data(Utf8JsonWriter w, MdaiData d)
    {
        w.WriteStartObject();
        Present(w, "x", d.X);
        Present(w, "y", d.Y);
        Present(w, "width", d.Width);
        Present(w, "height", d.Height);
        Present(w, "cx", d.Cx);
        Present(w, "cy", d.Cy);
        Present(w, "rx", d.Rx);
        Present(w, "ry", d.Ry);
        if (d.Vertices is { } v)
        {
            w.WritePropertyName("vertices");
            Points(w, v);
        }
        else if (d.IsEmpty)
        {
            w.WriteNull("vertices");
        }

        Rings(w, "foreground", d.Foreground);
        Rings(w, "background", d.Background);
        w.WriteEndObject();
    }

    private static void Present(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Rings(Utf8JsonWriter w, string name, IReadOnlyList<IReadOnlyList<double>>? rings)
    {
        if (rings is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var r in rings)
        {
            Points(w, r);
        }

        w.WriteEndArray();
    }

    private static void Points(Utf8JsonWriter w, IReadOnlyList<double> xy)
    {
        w.WriteStartArray();
        for (int i = 0; i + 1 < xy.Count; i += 2)
        {
            w.WriteStartArray();
            w.WriteNumberValue(xy[i]);
            w.WriteNumberValue(xy[i + 1]);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
