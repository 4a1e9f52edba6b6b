namespace Ricord.ParseBench;

/// <summary>What each file's parse covers.</summary>
internal enum ParseMode
{
    Header,
    Full,
    FullReuse,
    FullLazy,
}
