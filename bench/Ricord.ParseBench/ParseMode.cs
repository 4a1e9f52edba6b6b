namespace Ricord.ParseBench;

/// <summary>What each file's parse covers (ParseRun.ParseOne says how).</summary>
internal enum ParseMode
{
    /// <summary>header: <c>DicomFile.Open</c> with <c>StopBeforePixelData</c>.</summary>
    Header,

    /// <summary>full: <c>DicomFile.Open</c> with the default options: every element parsed, bulk data left in the file
    /// (offset and length) until asked for.</summary>
    Full,

    /// <summary>full-read: as <see cref="Full"/>, then Pixel Data read into a buffer the caller reuses (<c>DicomBuffer.CopyTo</c>).</summary>
    FullRead,

    /// <summary>full-array: as <see cref="Full"/>, then Pixel Data read as <c>DicomBuffer.Memory</c> (an array per value).</summary>
    FullArray,

    /// <summary>full-memory: the whole file read into a buffer reused from file to file, then <c>DicomFile.Read</c>
    /// (ingest's path: values are slices of that buffer).</summary>
    FullMemory,

    /// <summary>full-fresh: <c>File.ReadAllBytes</c> (a new array per file), then <c>DicomFile.Read</c>.</summary>
    FullFresh,
}
