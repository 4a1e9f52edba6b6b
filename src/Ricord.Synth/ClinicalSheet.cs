using System.Globalization;
using System.Text;

namespace Ricord.Synth;

/// <summary>A site's clinical spreadsheet as CSV, keyed by the site's own MRN, dates in the site's format.</summary>
internal sealed class ClinicalSheet : IDisposable
{
    private readonly StreamWriter _writer;

    private ClinicalSheet(StreamWriter writer) => _writer = writer;

    public static ClinicalSheet Open(string path)
    {
        var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\r\n" };
        w.WriteLine("MRN,Imaging,Age,Sex,RT-PCR Result,RT-PCR Date,First Imaging Date,Admission,ICU,Intubation,Outcome");
        return new ClinicalSheet(w);
    }

    public void Row(PatientPlan p)
    {
        var c = p.Clinical;
        string f = p.Site.CsvDateFormat;
        _writer.WriteLine(string.Join(',',
            p.Mrn, p.IsCt ? "CT" : "CXR", c.Age.ToString(CultureInfo.InvariantCulture), p.Sex, c.PcrResult,
            c.PcrDate.ToString(f, CultureInfo.InvariantCulture), p.Studies[0].Start.ToString(f, CultureInfo.InvariantCulture),
            YesNo(c.Admitted), YesNo(c.Icu), YesNo(c.Intubated), c.Outcome));
    }

    public void Dispose() => _writer.Dispose();

    private static string YesNo(bool b) => b ? "Y" : "N";
}
