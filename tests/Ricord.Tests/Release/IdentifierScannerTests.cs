using System.Text;
using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class IdentifierScannerTests
{
    [Fact]
    public async Task An_identifier_cut_by_a_read_chunk_boundary_is_found_in_UTF8_and_Latin1()
    {
        string dir = Directory.CreateTempSubdirectory("ricord-scan-").FullName;
        try
        {
            var scanner = new IdentifierScanner(["ab", "Müller^Jürgen", "MRN-0042"]);
            Assert.Equal(2, scanner.Searched); // "ab" is too short to search
            foreach (int at in new[] { 0, (4 << 20) - 5, (4 << 20) - 1, (9 << 20) + 3 })
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Latin1 })
                {
                    var bytes = new byte[10 << 20];
                    var needle = encoding.GetBytes("Müller^Jürgen");
                    needle.CopyTo(bytes, at);
                    string path = Path.Combine(dir, "f.bin");
                    await File.WriteAllBytesAsync(path, bytes);
                    Assert.Equal(1, await scanner.FindInFileAsync(path, CancellationToken.None));
                }
            }

            await File.WriteAllBytesAsync(Path.Combine(dir, "clean.bin"), new byte[(4 << 20) + 10]);
            Assert.Null(await scanner.FindInFileAsync(Path.Combine(dir, "clean.bin"), CancellationToken.None));
            Assert.Equal(2, scanner.FindInText("nifti/MRN-0042/x.nii"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
