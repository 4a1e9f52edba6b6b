namespace Ricord;

/// <summary>Who is acting, as the host authenticated them (the CLI: the login name or <c>--as</c>). Application
/// services take one on every call, so authorisation and site scoping are decided there, once, for every host.</summary>
public sealed record Actor(string User)
{
    /// <summary>The operator of this process (the CLI without <c>--as</c>).</summary>
    public static Actor Local => new(Environment.UserName);
}
