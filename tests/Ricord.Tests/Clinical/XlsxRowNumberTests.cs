using System.IO.Compression;
using System.Text;
using Ricord.Clinical;

namespace Ricord.Tests.Clinical;

/// <summary>Sheet rows that are absent from the XML (never typed in) still count: reported lines are the sheet's row numbers.</summary>
public sealed class XlsxRowNumberTests
{
    [Fact]
    public void Lines_are_sheet_row_numbers_across_missing_rows()
    {
        byte[] xlsx = Workbook(
            (2, ["MRN", "Age"]),
            (3, ["M1", "50"]),
            (6, ["M2", "61"]));
        var table = ClinicalFileReader.Read(xlsx, null);
        Assert.Equal(["MRN", "Age"], table.Columns);
        Assert.Equal([3, 6], table.Rows.Select(r => r.Line));
        Assert.Equal("M2", table.Rows[1].Cells[0]);
    }

    /// <summary>A minimal workbook with inline-string cells on the given rows.</summary>
    private static byte[] Workbook(params (int Row, string[] Cells)[] rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                </Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """);
            Add(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
                </workbook>
                """);
            Add(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                </Relationships>
                """);
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            foreach (var (row, cells) in rows)
            {
                sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
                for (int i = 0; i < cells.Length; i++)
                {
                    sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{cells[i]}</t></is></c>");
                }

                sheet.Append("</row>");
            }

            Add(zip, "xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
