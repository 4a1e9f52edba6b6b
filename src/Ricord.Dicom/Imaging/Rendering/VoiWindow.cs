namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>A VOI window (Window Center / Window Width, PS3.3 C.11.2.1.2) in modality units, with its function.</summary>
public sealed record VoiWindow(double Center, double Width, VoiFunction Function = VoiFunction.Linear)
{
    /// <summary>Lung parenchyma, HU (−600 / 1500).</summary>
    public static VoiWindow Lung { get; } = new(-600, 1500);

    /// <summary>Mediastinum / soft tissue, HU (40 / 400).</summary>
    public static VoiWindow Mediastinum { get; } = new(40, 400);

    /// <summary>The window of a named preset.</summary>
    public static VoiWindow For(WindowPreset preset) => preset switch
    {
        WindowPreset.Lung => Lung,
        WindowPreset.Mediastinum => Mediastinum,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown window preset"),
    };

    /// <summary>
    /// Maps a modality value to [<paramref name="yMin"/>, <paramref name="yMax"/>] with the equations of PS3.3 C.11.2.1.2.1
    /// (LINEAR), C.11.2.1.3.2 (LINEAR_EXACT) and C.11.2.1.3.1 (SIGMOID).
    /// </summary>
    public double Apply(double x, double yMin = 0, double yMax = 255)
    {
        double range = yMax - yMin;
        switch (Function)
        {
            case VoiFunction.Sigmoid:
                return (range / (1 + Math.Exp(-4 * (x - Center) / Width))) + yMin;
            case VoiFunction.LinearExact:
                if (x <= Center - (Width / 2))
                {
                    return yMin;
                }

                return x > Center + (Width / 2) ? yMax : ((((x - Center) / Width) + 0.5) * range) + yMin;
            default:
                double w1 = Width - 1, c = Center - 0.5;
                if (x <= c - (w1 / 2))
                {
                    return yMin;
                }

                if (x > c + (w1 / 2))
                {
                    return yMax;
                }

                // Width 1 leaves no ramp: everything at or below c - 0.5 was yMin above.
                return w1 <= 0 ? yMax : ((((x - c) / w1) + 0.5) * range) + yMin;
        }
    }

    /// <summary>Checks the width the function needs: at least 1 for LINEAR, positive otherwise (C.11.2.1.2.1, C.11.2.1.3).</summary>
    public void Validate()
    {
        if (Function == VoiFunction.Linear ? Width < 1 : Width <= 0)
        {
            throw new PixelDataException($"Window Width {Width} is invalid for {Function} (LINEAR needs ≥ 1, others > 0)", new DicomTag(0x0028, 0x1051));
        }
    }
}
