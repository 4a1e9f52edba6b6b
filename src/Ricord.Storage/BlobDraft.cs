namespace Ricord.Storage;

/// <summary>
/// A blob being written whose key is not known yet: a content-addressed key is known only after the last byte.
/// Write the bytes to <see cref="Content"/>, set <see cref="Key"/>, then hand drafts to
/// <see cref="IBlobStore.StoreAsync"/>, which stores them together: until then nothing is visible under any key
/// and nothing is durable. Disposing a draft discards whatever was not stored.
/// </summary>
public abstract class BlobDraft : IAsyncDisposable
{
    private string? _key;

    /// <summary>Where the bytes go (write-only).</summary>
    public abstract Stream Content { get; }

    /// <summary>The key the draft is stored under; set once the bytes are written.</summary>
    public string Key
    {
        get => _key ?? throw new InvalidOperationException("The draft has no key yet: set it after writing the bytes.");
        set
        {
            BlobKey.Validate(value);
            _key = value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the draft's stream and removes its bytes unless they were stored.</summary>
    protected abstract ValueTask DisposeAsyncCore();
}
