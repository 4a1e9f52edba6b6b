using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ricord.Storage;

/// <summary>Blobs as objects in an S3-compatible bucket. An S3 PUT is atomic (the object appears whole or not
/// at all) and durable once acknowledged, so no temp objects are needed.</summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private const int ConcurrentUploads = 8;
    private readonly AmazonS3Client _client;
    private readonly S3BlobStoreOptions _options;

    public S3BlobStore(S3BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var config = new AmazonS3Config
        {
            ForcePathStyle = true,
            // Checksums only where S3 requires them: trailing-checksum chunked uploads are not spoken by every
            // S3-compatible server.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        _client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    /// <summary>Creates the bucket if it does not exist (for tests and first start-up).</summary>
    public async Task EnsureBucketAsync(CancellationToken ct)
    {
        try
        {
            await _client.PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        BlobKey.Validate(key);
        if (content.CanSeek)
        {
            await PutSeekableAsync(key, content, ct).ConfigureAwait(false);
            return;
        }

        // The SDK needs a length up front; spool unseekable streams to a temp file rather than memory.
        var spool = SpoolDraft.OpenAnonymous();
        await using (spool.ConfigureAwait(false))
        {
            await content.CopyToAsync(spool, ct).ConfigureAwait(false);
            spool.Position = 0;
            await PutSeekableAsync(key, spool, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A draft spooled to a local temp file (an upload needs the length up front).</summary>
    public Task<BlobDraft> CreateDraftAsync(string prefix, CancellationToken ct) => Task.FromResult<BlobDraft>(new SpoolDraft());

    /// <summary>One PUT per draft whose key does not exist yet, several at once: each PUT is atomic and durable
    /// once acknowledged, so the group is durable when the last one is.</summary>
    public async Task StoreAsync(IReadOnlyList<BlobDraft> drafts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        await Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentUploads, CancellationToken = ct }, async (draft, token) =>
        {
            var spool = draft as SpoolDraft ?? throw new ArgumentException("The draft was not created by this store.", nameof(drafts));
            if (!await ExistsAsync(spool.Key, token).ConfigureAwait(false))
            {
                await PutSeekableAsync(spool.Key, await spool.RewindAsync(token).ConfigureAwait(false), token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        BlobKey.Validate(key);
        try
        {
            var response = await _client.GetObjectAsync(_options.Bucket, _options.Prefix + key, ct).ConfigureAwait(false);
            return new S3ObjectStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new BlobNotFoundException($"Blob '{key}' does not exist in bucket '{_options.Bucket}'.", e);
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        BlobKey.Validate(key);
        try
        {
            await _client.GetObjectMetadataAsync(_options.Bucket, _options.Prefix + key, ct).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct)
    {
        if (!await ExistsAsync(key, ct).ConfigureAwait(false))
        {
            return false;
        }

        await _client.DeleteObjectAsync(_options.Bucket, _options.Prefix + key, ct).ConfigureAwait(false);
        return true;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = _options.Prefix + prefix };
        do
        {
            var response = await _client.ListObjectsV2Async(request, ct).ConfigureAwait(false);
            foreach (var o in response.S3Objects ?? [])
            {
                yield return o.Key[_options.Prefix.Length..];
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (request.ContinuationToken is not null);
    }

    /// <summary>Nothing to sweep: every object is one PUT (no multipart upload is ever started, so none is left
    /// open), and spool files are local temp files that <see cref="SpoolDraft"/> unlinks as soon as it opens them.</summary>
    public Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct) => Task.FromResult(0);

    public void Dispose() => _client.Dispose();

    private Task PutSeekableAsync(string key, Stream content, CancellationToken ct) =>
        _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = _options.Prefix + key,
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        }, ct);
}
