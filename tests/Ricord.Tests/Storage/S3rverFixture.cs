using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Ricord.Storage;

namespace Ricord.Tests.Storage;

/// <summary>A local S3-compatible server (s3rver, from npm, installed by `npm ci` in Storage/s3/) on
/// 127.0.0.1 and a free port with a temp data directory. If it cannot start, every S3 test fails.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "ricord-s3rver-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public string ServiceUrl { get; private set; } = "";

    public S3BlobStore CreateStore(string bucket) => new(new S3BlobStoreOptions
    {
        Bucket = bucket,
        ServiceUrl = ServiceUrl,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        Prefix = "ricord/",
    });

    public async Task InitializeAsync()
    {
        var script = Path.Combine(PackageDirectory(), "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed: run `npm ci` in {PackageDirectory()} (the test script does).");
        }

        Directory.CreateDirectory(_data);
        var port = FreePort();
        var start = new ProcessStartInfo("node", [script, "--directory", _data, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for s3rver.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ServiceUrl = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited at start-up with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string PackageDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "s3");
}
