namespace Ricord.Ingest;

/// <summary>
/// One input file to ingest: a file on disk or an entry of a zip archive. <see cref="SourcePath"/> may
/// itself identify the patient (sites name folders after patients), so it is only ever stored in the
/// secret quarantine area, never logged or printed; <see cref="Ordinal"/> names the item in output.
/// </summary>
public sealed class IngestItem
{
    private readonly Func<CancellationToken, Task<byte[]>> _read;

    public IngestItem(long ordinal, string sourcePath, long length, Func<CancellationToken, Task<byte[]>> read)
    {
        Ordinal = ordinal;
        SourcePath = sourcePath;
        Length = length;
        _read = read;
    }

    /// <summary>Position of the item in the walk over the inputs (1-based), stable for the same inputs.</summary>
    public long Ordinal { get; }

    public string SourcePath { get; }

    public long Length { get; }

    public Task<byte[]> ReadAllAsync(CancellationToken cancellationToken) => _read(cancellationToken);

    public override string ToString() => $"input #{Ordinal}";
}
