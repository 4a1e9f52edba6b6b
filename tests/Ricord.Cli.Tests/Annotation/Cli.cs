namespace Ricord.Cli.Tests.Annotation;

/// <summary>Runs the CLI in-process and captures its output.</summary>
internal static class Cli
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
