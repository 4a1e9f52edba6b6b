namespace Ricord.DeidScoring;

/// <summary>
/// What happened to one planted value, as seen in the output (MIDI-B style): X removed, Z emptied, D replaced
/// by a value sharing no word with the original (a dummy, a pseudonym, zeroed bytes), C cleaned (part kept,
/// or a date shifted), U UID remapped, K kept verbatim, P a sequence kept with its items (walked).
/// As a set it is the actions that count as correct.
/// </summary>
[Flags]
public enum Outcome
{
    None = 0,
    X = 1,
    Z = 2,
    D = 4,
    C = 8,
    U = 16,
    K = 32,
    P = 64,
}
