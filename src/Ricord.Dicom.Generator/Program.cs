using Ricord.Dicom.Generator;

// Usage: dotnet run --project src/Ricord.Dicom.Generator -- [dataDirectory] [outputDirectory]
// Defaults are the Ricord.Dicom paths, relative to the repository root (the working directory).
string data = args.Length > 0 ? args[0] : Path.Combine("src", "Ricord.Dicom", "Dictionary", "Data");
string output = args.Length > 1 ? args[1] : Path.Combine("src", "Ricord.Dicom", "Dictionary", "Generated");
if (!Directory.Exists(data))
{
    Console.Error.WriteLine($"Data directory '{Path.GetFullPath(data)}' not found; run from the repository root or pass it as the first argument.");
    return 1;
}

Directory.CreateDirectory(output);
foreach (var (name, text) in DictionaryGenerator.GenerateAll(data))
{
    string path = Path.Combine(output, name);
    File.WriteAllText(path, text);
    Console.WriteLine($"wrote {path}");
}

return 0;
