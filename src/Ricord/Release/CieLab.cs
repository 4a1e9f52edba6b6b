namespace Ricord.Release;

/// <summary>sRGB (8 bits per channel) to DICOM's scaled CIELab (PS3.3 C.10.7.1.1: L* 0–100 and a*, b* −128–127 mapped to 0–65535), D65.</summary>
internal static class CieLab
{
    public static ushort[] FromRgb(int r, int g, int b)
    {
        double R = Linear(r), G = Linear(g), B = Linear(b);
        double x = ((0.4124 * R) + (0.3576 * G) + (0.1805 * B)) / 0.95047;
        double y = (0.2126 * R) + (0.7152 * G) + (0.0722 * B);
        double z = ((0.0193 * R) + (0.1192 * G) + (0.9505 * B)) / 1.08883;
        double fx = F(x), fy = F(y), fz = F(z);
        double l = (116 * fy) - 16, a = 500 * (fx - fy), bb = 200 * (fy - fz);
        return [Scale(l / 100), Scale((a + 128) / 255), Scale((bb + 128) / 255)];
    }

    private static double Linear(int c) => c / 255.0 is var v && v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;

    private static ushort Scale(double unit) => (ushort)Math.Round(Math.Clamp(unit, 0, 1) * 65535);
}
