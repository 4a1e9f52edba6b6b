using System.Text;
using MiniExcelLibs;
using Ricord.Clinical;

namespace Ricord.Tests.Clinical;

public sealed class ClinicalReaderTests
{
    [Fact]
    public void Csv_keeps_quoted_commas_quotes_and_line_breaks_and_numbers_rows_by_their_first_line()
    {
        string csv = "\uFEFFMRN,Comment,Age\r\n1,\"a, b\",50\r\n2,\"said \"\"hi\"\"\nover two lines\",60\r\n\r\n3,x,70";
        var table = ClinicalFileReader.Read(Encoding.UTF8.GetBytes(csv), null);
        Assert.Equal(["MRN", "Comment", "Age"], table.Columns);
        Assert.Equal([2, 3, 6], table.Rows.Select(r => r.Line));
        Assert.Equal("a, b", table.Rows[0].Cells[1]);
        Assert.Equal("said \"hi\"\nover two lines", table.Rows[1].Cells[1]);
        Assert.Equal("70", table.Rows[2].Cells[2]);
    }

    [Fact]
    public void Csv_takes_semicolons_from_the_header_and_reads_latin1_when_not_utf8()
    {
        byte[] bytes = Encoding.Latin1.GetBytes("MRN;Résultat;Age\n1;détecté;50\n");
        var table = ClinicalFileReader.Read(bytes, null);
        Assert.Equal(["MRN", "Résultat", "Age"], table.Columns);
        Assert.Equal("détecté", table.Rows[0].Cells[1]);
    }

    [Fact]
    public void Binary_data_is_refused_as_neither_csv_nor_xlsx()
    {
        var bytes = new byte[2000];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'M';
        var ex = Assert.Throws<ClinicalDataException>(() => ClinicalFileReader.Read(bytes, null));
        Assert.Contains("neither CSV text nor an XLSX workbook", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_with_a_quote_never_closed_is_refused_naming_its_line()
    {
        // Before, everything after the stray quote became one cell of one row, and the import reported one unknown MRN.
        var ex = Assert.Throws<ClinicalDataException>(() => ClinicalFileReader.Read(Encoding.UTF8.GetBytes("MRN,Age\n1,50\n\"2,60\n3,70\n"), null));
        Assert.StartsWith("Line 3: a quoted cell is never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_cells_past_the_last_header_are_kept_under_a_blank_header()
    {
        var table = ClinicalFileReader.Read(Encoding.UTF8.GetBytes("MRN,Age\n1,50,extra\n"), null);
        Assert.Equal(3, table.Columns.Count);
        Assert.Equal("extra", table.Rows[0].Cells[2]);
    }

    [Fact]
    public void Xlsx_is_told_by_content_reads_the_named_sheet_and_gives_dates_as_iso()
    {
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            ["Notes"] = new[] { new Dictionary<string, object?> { ["x"] = "nothing here" } },
            ["CR Pos - TCIA Submission"] = new[]
            {
                new Dictionary<string, object?> { ["Anon MRN"] = "A1", ["Age"] = 50, ["Anon TCIA Study Date"] = new DateTime(2020, 3, 15) },
                new Dictionary<string, object?> { ["Anon MRN"] = "A2", ["Age"] = 61.5, ["Anon TCIA Study Date"] = new DateTime(2020, 3, 16, 14, 5, 0) },
            },
        };
        stream.SaveAs(sheets);
        var table = ClinicalFileReader.Read(stream.ToArray(), " cr pos - tcia submission ");
        Assert.Equal(["Anon MRN", "Age", "Anon TCIA Study Date"], table.Columns);
        Assert.Equal([2, 3], table.Rows.Select(r => r.Line));
        Assert.Equal(["A1", "50", "2020-03-15"], table.Rows[0].Cells);
        Assert.Equal(["A2", "61.5", "2020-03-16T14:05:00"], table.Rows[1].Cells);
        var missing = Assert.Throws<ClinicalDataException>(() => ClinicalFileReader.Read(stream.ToArray(), "Other"));
        Assert.Contains("'Notes'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_compare_without_case_spaces_or_punctuation()
    {
        Assert.True(ClinicalHeader.Matches("  anon   MRN ", "Anon MRN"));
        Assert.True(ClinicalHeader.Matches("anon_mrn", "AnonMRN"));
        Assert.Equal("Anon MRN", ClinicalHeader.Display("  Anon \t MRN "));
        Assert.Equal(["patient", "name"], ClinicalHeader.Words("PatientName"));
        Assert.Equal(["rt", "pcr", "result"], ClinicalHeader.Words("RT-PCR Result"));
    }
}
