namespace Ricord.Dicom.Imaging;

/// <summary>When a three-component DCT JPEG frame is converted from YCbCr to RGB while decoding.</summary>
public enum JpegColorConversion
{
    /// <summary>
    /// When the Photometric Interpretation is YBR_FULL or YBR_FULL_422; never for RGB, whatever the JPEG markers say.
    /// dcmtk's default (dcmdjpeg +cp): the DICOM header is authoritative (PS3.5 8.2.1).
    /// </summary>
    Photometric,

    /// <summary>
    /// When libjpeg would guess YCbCr from the JPEG markers (JFIF, Adobe APP14 transform flag, component ids),
    /// whatever the Photometric Interpretation says; dcmdjpeg +cg.
    /// </summary>
    Guess,

    /// <summary>Never; the decoded samples are the coded components.</summary>
    Never,
}
