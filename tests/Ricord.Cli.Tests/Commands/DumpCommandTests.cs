using System.Text.Json;

namespace Ricord.Cli.Tests.Commands;

public sealed class DumpCommandTests
{
    private const string CtSmall = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";

    private static (int Code, string Out, string Err) Run(params string[] args) => InProcessCli.Run(args);

    private static void RequirePydicomFiles() =>
        Assert.True(File.Exists(CtSmall), $"{CtSmall} missing; install python3-pydicom (test.sh does)");

    [Fact]
    public void Help_explains_the_command_its_argument_and_options()
    {
        var (code, output, _) = Run("dump", "--help");
        Assert.Equal(0, code);
        Assert.Contains("dcmdump-style listing", output, StringComparison.Ordinal);
        Assert.Contains("<file>", output, StringComparison.Ordinal);
        Assert.Contains("--json", output, StringComparison.Ordinal);
        Assert.Contains("PS3.18", output, StringComparison.Ordinal);
        Assert.Contains("--stop-before-pixels", output, StringComparison.Ordinal);
        Assert.Contains("Pixel Data", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_help_lists_dump_and_the_exit_codes()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("dump", output, StringComparison.Ordinal);
        Assert.Contains("3 file not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_lists_the_patient_name()
    {
        RequirePydicomFiles();
        var (code, output, error) = Run("dump", CtSmall);
        Assert.True(code == 0, error);
        Assert.Contains("(0010,0010) PN [CompressedSamples^CT1]", output, StringComparison.Ordinal);
        Assert.Contains("(7FE0,0010) OW", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_before_pixels_leaves_pixel_data_out()
    {
        RequirePydicomFiles();
        var (code, output, _) = Run("dump", CtSmall, "--stop-before-pixels");
        Assert.Equal(0, code);
        Assert.Contains("(0010,0010) PN", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(7FE0,0010)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_DICOM_JSON()
    {
        RequirePydicomFiles();
        var (code, output, error) = Run("dump", CtSmall, "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var name = doc.RootElement.GetProperty("00100010");
        Assert.Equal("PN", name.GetProperty("vr").GetString());
        Assert.Equal("CompressedSamples^CT1", name.GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
        Assert.True(doc.RootElement.GetProperty("7FE00010").TryGetProperty("InlineBinary", out _));
    }

    [Fact]
    public void Missing_file_exits_3()
    {
        var (code, _, error) = Run("dump", "/no/such/file.dcm");
        Assert.Equal(3, code);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_exits_3_saying_it_is_a_folder()
    {
        var (code, _, error) = Run("dump", Path.GetTempPath());
        Assert.Equal(3, code);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_exits_2_naming_offset_and_element()
    {
        RequirePydicomFiles();
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, File.ReadAllBytes(CtSmall).AsSpan(0, 1000).ToArray());
            var (code, _, error) = Run("dump", path);
            Assert.Equal(2, code);
            Assert.Contains("at byte", error, StringComparison.Ordinal);
            Assert.Contains("element (", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Usage_errors_exit_1()
    {
        Assert.Equal(1, Run("dump").Code);
        Assert.Equal(1, Run("dump", CtSmall, "--no-such-option").Code);
    }

    [Theory]
    [InlineData("patients.csv", "text", new byte[] { (byte)'i', (byte)'d', (byte)',', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'\n', (byte)'1', (byte)',', (byte)'x', (byte)'\n' })]
    [InlineData("photo.jpg", "a JPEG image", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 })]
    [InlineData("empty.dcm", "the file is empty", new byte[0])]
    public void Dump_of_a_file_that_is_not_DICOM_says_so_and_why(string name, string why, byte[] content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ricord-dump-{Guid.NewGuid():N}-{name}");
        File.WriteAllBytes(path, content);
        try
        {
            var (code, output, error) = Run("dump", path);
            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.Contains($"{path}: not a DICOM file: ", error, StringComparison.Ordinal);
            Assert.Contains(why, error, StringComparison.Ordinal);
            Assert.DoesNotContain("length", error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
