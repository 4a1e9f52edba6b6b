using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class CsvTableTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+7", "+7")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("Mild Opacities  (1-2 lung zones)", "Mild Opacities  (1-2 lung zones)")]
    public void Cells_a_spreadsheet_would_run_are_defused_and_quoted_as_RFC_4180(string cell, string written) =>
        Assert.Equal(written, CsvTable.Escape(cell));

    [Fact]
    public void A_table_reads_back_cell_for_cell()
    {
        var table = new CsvTable("a", "b", "c");
        table.Add("x,y", "say \"hi\"", null);
        table.Add(1.5, true, "=1+1");
        var rows = CsvReader.Parse(System.Text.Encoding.UTF8.GetString(table.ToBytes()));
        Assert.Equal([["a", "b", "c"], ["x,y", "say \"hi\"", ""], ["1.5", "true", "'=1+1"]], rows);
        Assert.Equal(2, table.RowCount);
        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }
}
