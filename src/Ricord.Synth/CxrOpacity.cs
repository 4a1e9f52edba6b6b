namespace Ricord.Synth;

/// <summary>One radiograph opacity: an ellipse in a lung zone (fractions of the image size), adding <see cref="Density"/>.</summary>
internal sealed record CxrOpacity(int Zone, double Cx, double Cy, double Rx, double Ry, double Density);
