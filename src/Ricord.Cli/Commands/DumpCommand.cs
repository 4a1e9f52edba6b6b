using System.CommandLine;
using Ricord.Dicom;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord dump FILE [--json] [--stop-before-pixels]</c>: lists a DICOM file's elements.</summary>
public static class DumpCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "The DICOM file to read (Part 10, any uncompressed or encapsulated transfer syntax).",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the data set as DICOM JSON (PS3.18 Annex F, indented) instead of a listing. " +
                "Binary values are base64 \"InlineBinary\"; encapsulated pixel data has no inline form and is written without a value.",
        };
        var stopBeforePixels = new Option<bool>("--stop-before-pixels")
        {
            Description = "Stop reading at Pixel Data (7FE0,0010): faster for large images, and the pixels are left out of the output.",
        };
        var command = new Command(
            "dump",
            "Print a DICOM file in a dcmdump-style listing: one line per element with tag, VR, value, length, value multiplicity " +
            "and keyword; sequence items indented; long values cut with \"...\"; large binary values shown as \"(not loaded)\". " +
            "The file meta information comes first, then the data set.")
        {
            file,
            json,
            stopBeforePixels,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(json),
            parseResult.GetValue(stopBeforePixels),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo file, bool json, bool stopBeforePixels, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine(Directory.Exists(file.FullName)
                ? $"ricord dump: {file.FullName}: is a folder; give one DICOM file"
                : $"ricord dump: {file.FullName}: file not found");
            return ExitCodes.FileNotFound;
        }

        DicomFile dicom;
        try
        {
            dicom = DicomFile.Open(file.FullName, new DicomReadOptions { StopBeforePixelData = stopBeforePixels, SourceName = file.FullName });
        }
        catch (DicomFormatException ex) when (ex.NotDicomReason is { } why)
        {
            stderr.WriteLine($"ricord dump: {file.FullName}: not a DICOM file: {why}");
            return ExitCodes.InvalidInput;
        }
        catch (DicomFormatException ex)
        {
            stderr.WriteLine($"ricord dump: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"ricord dump: {file.FullName}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        foreach (var warning in dicom.Warnings)
        {
            string where = warning.Offset >= 0 ? $" at byte {warning.Offset}" : "";
            stderr.WriteLine($"ricord dump: warning{where}{(warning.Tag is { } t ? $", element {t}" : "")}: {warning.Message}");
        }

        if (json)
        {
            stdout.WriteLine(DicomJsonWriter.ToJson(dicom.Dataset, new DicomJsonWriterOptions { Indented = true }));
        }
        else
        {
            new DicomDumper().Dump(dicom, stdout);
        }

        return ExitCodes.Success;
    }
}
