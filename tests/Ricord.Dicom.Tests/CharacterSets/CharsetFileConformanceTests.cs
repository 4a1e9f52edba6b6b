using Xunit.Abstractions;

namespace Ricord.Dicom.Tests.CharacterSets;

/// <summary>Every text element of pydicom's charset_files decodes as pydicom decodes it, and encodes back.</summary>
public sealed class CharsetFileConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => PydicomCharsetOracle.FileNames();

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_like_pydicom(string file)
    {
        var values = PydicomCharsetOracle.All.Where(v => v.File == file).ToList();
        Assert.NotEmpty(values);
        foreach (var v in values)
        {
            var charset = DicomCharacterSet.FromTerms(v.Terms);
            string decoded = charset.Decode(v.Raw, v.VR);
            Assert.False(charset.IsFallback, charset.Warning);
            Assert.True(v.Values.SequenceEqual(AsPydicomValues(decoded, v.VR)),
                $"{file} {v.Tag} {v.VR} [{string.Join('\\', v.Terms)}]: expected '{string.Join('\\', v.Values)}', got '{decoded}'");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Encodes_back(string file)
    {
        foreach (var v in PydicomCharsetOracle.All.Where(v => v.File == file))
        {
            var charset = DicomCharacterSet.FromTerms(v.Terms);
            string text = charset.Decode(v.Raw, v.VR);
            byte[] encoded = charset.Encode(text, v.VR);
            if (encoded.AsSpan().SequenceEqual(v.Raw))
            {
                continue;
            }

            // ISO 2022 writers place escape sequences differently (e.g. a redundant ESC ( B): the text must survive.
            output.WriteLine($"{file} {v.Tag}: bytes differ ({Convert.ToHexString(v.Raw)} vs {Convert.ToHexString(encoded)}), text compared");
            Assert.True(charset.HasCodeExtensions, $"{file} {v.Tag}: only ISO 2022 may re-encode differently");
            Assert.Equal(text, charset.Decode(encoded, v.VR));
        }
    }

    /// <summary>Our decoded value as pydicom presents it: split into values, padding trimmed, PN without trailing empty groups.</summary>
    private static string[] AsPydicomValues(string decoded, DicomVR vr)
    {
        if (DicomVRInfo.IsSingleValuedText(vr))
        {
            return [DicomValueParser.TrimValue(decoded, vr)];
        }

        var parts = decoded.Split('\\').Select(p => DicomValueParser.TrimValue(p, vr));
        return vr == DicomVR.PN ? [.. parts.Select(p => p.TrimEnd('='))] : [.. parts];
    }
}
