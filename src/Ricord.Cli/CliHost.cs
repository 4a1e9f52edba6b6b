using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ricord.Hosting;

namespace Ricord.Cli;

/// <summary>
/// What one CLI invocation composes every data directory it opens with: the <c>--set KEY=VALUE</c> settings (the
/// command-line source of <see cref="RicordConfiguration"/>) and the logging the invocation asked for. Set by
/// <see cref="CliApp.RunWithLogs"/> for the invocation's async flow, so
/// concurrent invocations (tests) each see their own.
/// </summary>
internal sealed class CliHost
{
    private static readonly AsyncLocal<CliHost?> s_current = new();

    public CliHost(IReadOnlyList<string> settings, LogLevel level, IReadOnlyList<ILoggerProvider> loggers)
    {
        Settings = settings;
        Level = level;
        Loggers = loggers;
    }

    /// <summary>This invocation's host; outside one, no settings and no logging.</summary>
    public static CliHost Current
    {
        get => s_current.Value ?? new CliHost([], LogLevel.None, []);
        set => s_current.Value = value;
    }

    /// <summary>Command-line configuration, <c>Section:Key=value</c> each.</summary>
    public IReadOnlyList<string> Settings { get; }

    public LogLevel Level { get; }

    public IReadOnlyList<ILoggerProvider> Loggers { get; }

    /// <summary>The options of the data directory <paramref name="root"/> under this invocation's settings.</summary>
    public RicordOptions Options(string root) => RicordConfiguration.Load(root, Settings);

    /// <summary>Adds this invocation's loggers to a data directory's container.</summary>
    public void Configure(IServiceCollection services) =>
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(Level);
            foreach (var provider in Loggers)
            {
                b.AddProvider(new BorrowedLoggerProvider(provider));
            }
        });
}
