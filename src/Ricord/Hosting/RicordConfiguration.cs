using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Ricord.Hosting;

/// <summary>
/// Where an installation's settings come from, later sources winning: <c>ricord.json</c> in the data directory, the
/// variables of earlier releases (<c>RICORD_CATALOG_PROVIDER</c>, <c>RICORD_CATALOG_CONNECTION</c>,
/// <c>RICORD_S3_*</c>), <c>RICORD__Section__Key</c> variables, then the command line (<c>Section:Key=value</c>).
/// </summary>
public static class RicordConfiguration
{
    /// <summary>The settings file read from the data directory.</summary>
    public const string FileName = "ricord.json";

    /// <summary>The prefix of environment variables that set any key (<c>RICORD__Catalog__Provider=postgres</c>).</summary>
    public const string EnvironmentPrefix = "RICORD__";

    private static readonly (string Variable, string Key)[] s_aliases =
    [
        ("RICORD_CATALOG_PROVIDER", "Catalog:Provider"),
        ("RICORD_CATALOG_CONNECTION", "Catalog:ConnectionString"),
        ("RICORD_S3_SERVICE_URL", "S3:ServiceUrl"),
        ("RICORD_S3_BUCKET", "S3:Bucket"),
        ("RICORD_S3_ACCESS_KEY", "S3:AccessKey"),
        ("RICORD_S3_SECRET_KEY", "S3:SecretKey"),
    ];

    /// <summary>The configuration of the data directory <paramref name="dataDirectory"/>.
    /// <paramref name="environment"/>: the process's variables when null.</summary>
    public static IConfigurationRoot Build(string dataDirectory, IEnumerable<string>? commandLine = null, IDictionary? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        string root = Path.GetFullPath(dataDirectory);
        environment ??= Environment.GetEnvironmentVariables();
        var builder = new ConfigurationBuilder();
        string file = Path.Combine(root, FileName);
        if (File.Exists(file))
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        return builder
            .AddInMemoryCollection(Aliases(environment))
            .AddInMemoryCollection(Prefixed(environment))
            .AddCommandLine([.. commandLine ?? []])
            .AddInMemoryCollection([new("DataDirectory", root)]) // where ricord.json was read: no source moves it
            .Build();
    }

    /// <summary>The options <paramref name="configuration"/> binds to.</summary>
    public static RicordOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new RicordOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the type it wanted (Catalog:Provider takes sqlite or postgres).
            throw new RicordConfigurationException($"A setting has a value of the wrong kind: {e.Message}", e);
        }

        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        return options;
    }

    /// <summary>Shorthand for <see cref="Bind"/> of <see cref="Build"/>.</summary>
    public static RicordOptions Load(string dataDirectory, IEnumerable<string>? commandLine = null, IDictionary? environment = null) =>
        Bind(Build(dataDirectory, commandLine, environment));

    private static IEnumerable<KeyValuePair<string, string?>> Aliases(IDictionary environment)
    {
        foreach (var (variable, key) in s_aliases)
        {
            if (environment[variable] is string value)
            {
                yield return new(key, value);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Prefixed(IDictionary environment)
    {
        foreach (DictionaryEntry e in environment)
        {
            if (e.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > EnvironmentPrefix.Length)
            {
                yield return new(name[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), e.Value as string);
            }
        }
    }
}
