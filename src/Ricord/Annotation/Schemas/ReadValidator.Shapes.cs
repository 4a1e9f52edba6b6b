using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Schemas;

public sealed partial class ReadValidator
{
    private static (LabelGroup Group, LabelDefinition Label)? CheckShape(LabelSchemaIndex index, ReadShape shape, int i, List<string> errors)
    {
        if (shape is null)
        {
            errors.Add($"shape #{i + 1}: is null");
            return null;
        }

        string where = $"shape #{i + 1} '{shape.Label}' (group '{shape.Group}')";
        if (Resolve(index, shape.Group, shape.Label, where, errors) is not { } found)
        {
            return null;
        }

        int before = errors.Count;
        var mode = found.Group.Mode;
        if (!mode.IsDrawing())
        {
            errors.Add($"{where}: group '{found.Group.Name}' is {LabelSchemaJson.ModeName(mode)}; it takes labels, not shapes");
            return null;
        }

        bool fits = shape.Kind switch
        {
            ShapeKind.Polygon => mode is LabelMode.Polygon or LabelMode.Freeform,
            ShapeKind.Mask => mode is LabelMode.Polygon or LabelMode.Freeform or LabelMode.Mask,
            ShapeKind.BoundingBox => mode is LabelMode.BoundingBox,
            _ => false,
        };
        if (!fits)
        {
            errors.Add($"{where}: Kind {shape.Kind} does not fit the group's mode {LabelSchemaJson.ModeName(mode)}");
        }

        if (string.IsNullOrWhiteSpace(shape.SeriesInstanceUid) || string.IsNullOrWhiteSpace(shape.SopInstanceUid))
        {
            errors.Add($"{where}: SeriesInstanceUid and SopInstanceUid are required (shapes are keyed by SOPInstanceUID)");
        }

        if (shape.Frame < 0)
        {
            errors.Add($"{where}: Frame {shape.Frame} is negative");
        }

        if (shape.Rows <= 0 || shape.Columns <= 0)
        {
            errors.Add($"{where}: Rows and Columns must be positive (got {shape.Rows}×{shape.Columns})");
        }
        else
        {
            string? geometry = shape.Kind switch
            {
                ShapeKind.Polygon => PolygonProblem(shape.Points),
                ShapeKind.BoundingBox => BoxProblem(shape.Points),
                ShapeKind.Mask => MaskProblem(shape.Runs, (long)shape.Rows * shape.Columns),
                _ => $"Kind {(int)shape.Kind} is unknown",
            };
            if (geometry is not null)
            {
                errors.Add($"{where}: {geometry}");
            }
        }

        return errors.Count == before ? found : null;
    }

    private static string? PolygonProblem(IReadOnlyList<double>? points)
    {
        if (points is null || points.Count % 2 != 0 || points.Count < 6)
        {
            return $"Points must hold at least 3 (x, y) pairs (got {points?.Count ?? 0} values)";
        }

        int bad = IndexOfNonFinite(points);
        return bad >= 0 ? $"Points[{bad}] is not a finite number" : null;
    }

    private static string? BoxProblem(IReadOnlyList<double>? points)
    {
        if (points is null || points.Count != 4)
        {
            return $"Points must be x, y, width, height (got {points?.Count ?? 0} values)";
        }

        int bad = IndexOfNonFinite(points);
        if (bad >= 0)
        {
            return $"Points[{bad}] is not a finite number";
        }

        return points[2] > 0 && points[3] > 0 ? null : $"width and height must be positive (got {points[2]} × {points[3]})";
    }

    private static string? MaskProblem(IReadOnlyList<int>? runs, long pixels)
    {
        if (runs is null || runs.Count == 0 || runs.Count % 2 != 0)
        {
            return $"Runs must be start, length pairs, at least one (got {runs?.Count ?? 0} values)";
        }

        long end = 0;
        for (int i = 0; i < runs.Count; i += 2)
        {
            long start = runs[i], length = runs[i + 1];
            if (length <= 0)
            {
                return $"Runs[{i + 1}]: length {length} must be positive";
            }

            if (start < end)
            {
                return $"Runs[{i}]: start {start} is before the end of the previous run ({end}); runs must ascend without overlapping";
            }

            end = start + length;
            if (end > pixels)
            {
                return $"Runs[{i}]: the run {start}+{length} ends past the image (rows × columns = {pixels})";
            }
        }

        return null;
    }

    private static int IndexOfNonFinite(IReadOnlyList<double> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
