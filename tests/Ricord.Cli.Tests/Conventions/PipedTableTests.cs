using Ricord.Cli.Tests.Commands;

namespace Ricord.Cli.Tests.Conventions;

/// <summary>A table printed anywhere but a terminal is plain aligned text: one line per row, values in full.</summary>
public sealed class PipedTableTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ricord-piped-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_row_with_a_64_character_uid_is_one_line_without_box_drawing()
    {
        string uid = "1.2.826.0.1.3680043.8.498." + new string('7', 38);
        Assert.Equal(64, uid.Length);
        Assert.Equal(0, InProcessCli.Run("collections", "add", "RICORD-1A", "--description", uid, "--data", _data).Code);
        Assert.Equal(0, InProcessCli.Run("collections", "add", "RICORD-1C", "--description", "short", "--data", _data).Code);

        var (code, output, _) = InProcessCli.Run("collections", "list", "--data", _data);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var row = Assert.Single(lines, l => l.Contains("RICORD-1A", StringComparison.Ordinal));
        Assert.Contains(uid, row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.IndexOfAny(['─', '│', '┌', '┐', '└', '┘', '┼', '╭', '╮', '╰', '╯', '|', '+']) >= 0);
        // Aligned: the second column starts at the same place in every row.
        var other = Assert.Single(lines, l => l.Contains("RICORD-1C", StringComparison.Ordinal));
        Assert.Equal(row.IndexOf(uid, StringComparison.Ordinal), other.IndexOf("short", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
