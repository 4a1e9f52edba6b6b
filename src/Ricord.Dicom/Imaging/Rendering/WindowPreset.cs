namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>Named CT windows for chest imaging.</summary>
public enum WindowPreset
{
    /// <summary>−600 / 1500 HU.</summary>
    Lung,

    /// <summary>40 / 400 HU.</summary>
    Mediastinum,
}
