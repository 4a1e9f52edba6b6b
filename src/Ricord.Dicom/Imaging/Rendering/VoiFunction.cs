namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>VOI LUT Function (0028,1056), PS3.3 C.11.2.1.2-3.</summary>
public enum VoiFunction
{
    /// <summary>C.11.2.1.2.1: the historical window with its half-pixel offsets (the default).</summary>
    Linear,

    /// <summary>C.11.2.1.3.2: the window exactly from c − w/2 to c + w/2.</summary>
    LinearExact,

    /// <summary>C.11.2.1.3.1: a logistic curve centred on c.</summary>
    Sigmoid,
}
