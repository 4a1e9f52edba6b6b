using System.Globalization;
using System.Text;

namespace Ricord.Dicom;

/// <summary>
/// A human-readable listing of a data set in the style of dcmtk's dcmdump, one line per element:
/// <c>(0010,0010) PN [Doe^John]   # 8, 1 PatientName</c>, sequence items indented. Values are
/// decoded with the data set's character set; lazily loaded bulk data is not read.
/// </summary>
public sealed partial class DicomDumper(DicomDumpOptions? options = null)
{
    private const int IndentWidth = 2;

    private readonly DicomDumpOptions _options = options ?? DicomDumpOptions.Default;

    /// <summary>The file meta information and the data set, each under a header line.</summary>
    public void Dump(DicomFile file, TextWriter output)
    {
        output.WriteLine("# Dicom-File-Format");
        output.WriteLine();
        output.WriteLine("# Dicom-Meta-Information-Header");
        output.WriteLine("# Used TransferSyntax: Explicit VR Little Endian");
        Dump(file.Meta, output);
        output.WriteLine();
        output.WriteLine("# Dicom-Data-Set");
        output.WriteLine($"# Used TransferSyntax: {file.TransferSyntax.Name}");
        Dump(file.Dataset, output);
    }

    public void Dump(DicomDataset dataset, TextWriter output) => Dump(dataset, output, 0);

    public string Dump(DicomDataset dataset)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        Dump(dataset, sw);
        return sw.ToString();
    }

    private void Dump(DicomDataset dataset, TextWriter output, int depth)
    {
        var charset = dataset.CharacterSet;
        foreach (var e in dataset)
        {
            switch (e)
            {
                case DicomSequence sq:
                    WriteLine(output, depth, e, $"(Sequence with {Count(sq.Items.Count, "item")})", sq.UndefinedLength ? "u/l" : "-", 1);
                    for (int i = 0; i < sq.Items.Count; i++)
                    {
                        var item = sq.Items[i];
                        WriteLine(output, depth + 1, DicomTag.Item, "na", $"(Item #{i + 1} with {Count(item.Count, "element")})", item.UndefinedLength ? "u/l" : "-", 1, "Item");
                        Dump(item, output, depth + 2);
                    }

                    break;
                case DicomFragmentSequence f:
                    WriteLine(output, depth, e, $"({Count(f.Fragments.Count, "fragment")}, offset table {f.OffsetTable.Length} bytes)", "u/l", 1);
                    break;
                default:
                    var (text, vm) = Describe(e, charset);
                    WriteLine(output, depth, e, text, e.Length.ToString(CultureInfo.InvariantCulture), vm);
                    break;
            }
        }
    }

    private void WriteLine(TextWriter output, int depth, DicomElement e, string value, string length, int vm) =>
        WriteLine(output, depth, e.Tag, DicomVRInfo.Code(e.VR), value, length, vm, Keyword(e.Tag));

    private void WriteLine(TextWriter output, int depth, DicomTag tag, string vr, string value, string length, int vm, string keyword)
    {
        var line = new StringBuilder();
        line.Append(' ', depth * IndentWidth).Append(tag.ToString()).Append(' ').Append(vr).Append(' ').Append(value);
        int column = _options.CommentColumn + (depth * IndentWidth);
        line.Append(' ', Math.Max(1, column - line.Length));
        line.Append("# ").Append(length).Append(", ").Append(vm.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(keyword);
        output.WriteLine(line.ToString());
    }

    private static string Keyword(DicomTag tag) => DicomDictionary.Find(tag)?.Keyword switch
    {
        { Length: > 0 } k => k,
        _ when tag.IsGroupLength => "GroupLength",
        _ when tag.IsPrivateCreator => "PrivateCreator",
        _ when tag.IsPrivate => "PrivateTag",
        _ => "Unknown",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
