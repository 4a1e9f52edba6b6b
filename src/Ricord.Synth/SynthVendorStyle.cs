namespace Ricord.Synth;

/// <summary>Which vendor's private-element habits a site's files imitate.</summary>
internal enum SynthVendorStyle
{
    GeLike,
    SiemensLike,
    PhilipsLike,
    AgfaToshibaLike,
}
