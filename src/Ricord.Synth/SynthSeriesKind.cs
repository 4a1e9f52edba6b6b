namespace Ricord.Synth;

internal enum SynthSeriesKind
{
    Localizer,
    AxialSoftTissue,
    AxialLung,
    CoronalReformat,
    DoseReport,
    Frontal,
    Lateral,
}
