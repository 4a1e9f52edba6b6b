using System.Globalization;
using System.Text;
using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Tests.Imaging.Rendering;

/// <summary>Reads binary PGM (P5) and PPM (P6) with 8-bit samples, as dcm2pnm and djpeg write them.</summary>
public static class Pnm
{
    public static RenderedImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int pos = 0;
        string Token()
        {
            while (true)
            {
                while (char.IsWhiteSpace((char)bytes[pos]))
                {
                    pos++;
                }

                if (bytes[pos] != '#')
                {
                    break;
                }

                while (bytes[pos] != '\n')
                {
                    pos++;
                }
            }

            var sb = new StringBuilder();
            while (!char.IsWhiteSpace((char)bytes[pos]))
            {
                sb.Append((char)bytes[pos++]);
            }

            return sb.ToString();
        }

        string magic = Token();
        int width = int.Parse(Token(), CultureInfo.InvariantCulture), height = int.Parse(Token(), CultureInfo.InvariantCulture);
        int max = int.Parse(Token(), CultureInfo.InvariantCulture);
        pos++; // the single whitespace after maxval
        Assert.Equal(255, max);
        int channels = magic switch { "P5" => 1, "P6" => 3, _ => throw new InvalidDataException($"{path}: {magic} is not binary PGM/PPM") };
        return new RenderedImage(width, height, channels, bytes.AsSpan(pos, width * height * channels).ToArray());
    }

    /// <summary>Largest per-sample difference and how many samples differ at all.</summary>
    public static (int MaxDiff, int Differing, double MeanAbs) Compare(RenderedImage expected, RenderedImage actual)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (actual.Width, actual.Height, actual.Channels));
        int max = 0, differing = 0;
        long sum = 0;
        for (int i = 0; i < expected.Pixels.Length; i++)
        {
            int d = Math.Abs(expected.Pixels[i] - actual.Pixels[i]);
            max = Math.Max(max, d);
            differing += d > 0 ? 1 : 0;
            sum += d;
        }

        return (max, differing, (double)sum / expected.Pixels.Length);
    }
}
