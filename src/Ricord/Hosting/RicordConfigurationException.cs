namespace Ricord.Hosting;

/// <summary>A setting is missing or has a value of the wrong kind (ricord.json, RICORD__… variables, --set). The
/// message names the setting and the sources that give it.</summary>
public sealed class RicordConfigurationException : Exception
{
    public RicordConfigurationException(string message)
        : base(message)
    {
    }

    public RicordConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RicordConfigurationException()
    {
    }
}
