using Microsoft.Extensions.Logging;

namespace Ricord.Cli;

/// <summary>A provider lent to a data directory's container: the container's disposal leaves it open for the
/// invocation (or test) that owns it.</summary>
internal sealed class BorrowedLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
