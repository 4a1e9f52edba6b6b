namespace Ricord.Cli.Tests.Commands;

/// <summary>Runs the CLI in this process (<see cref="CliApp.Run"/>) and captures what it printed.</summary>
internal static class InProcessCli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
