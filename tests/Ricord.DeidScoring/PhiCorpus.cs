namespace Ricord.DeidScoring;

/// <summary>The generated corpus: its files and every value planted in them.</summary>
public sealed record PhiCorpus(int Seed, IReadOnlyList<PhiCorpusFile> Files, IReadOnlyList<PlantedValue> Values)
{
    /// <summary>Writes every file (explicit VR little endian, Part 10) into <paramref name="folder"/>; returns the paths by file index.</summary>
    public IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var f in Files)
        {
            string path = Path.Combine(folder, f.Name);
            f.File.Save(path);
            paths.Add(path);
        }

        return paths;
    }

    public IEnumerable<PlantedValue> In(int file) => Values.Where(v => v.File == file);
}
