using Microsoft.Extensions.Logging;

namespace Ricord.Cli;

/// <summary>Log lines on the CLI's error stream (<c>--verbose</c>, <c>RICORD_LOG_LEVEL</c>), written in order with
/// the command's own messages: <c>ricord: debug: Ricord.Diagnostics.ObservedCatalog: message</c>.</summary>
internal sealed class StderrLoggerProvider(TextWriter stderr) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        lock (_gate)
        {
            stderr.WriteLine($"ricord: {Name(level)}: {category}: {message}");
            if (exception is not null)
            {
                stderr.WriteLine($"ricord: {Name(level)}: {category}: {exception.GetType().Name}");
            }
        }
    }

    private static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private sealed class Logger(StderrLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
