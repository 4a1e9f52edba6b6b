namespace Ricord.Synth;

/// <summary>One reader's study-level radiograph labels: class index into <see cref="SynthPlanner.CxrClasses"/> and a grade label (null when the class is negative).</summary>
internal readonly record struct CxrRead(int Class, string? Grade);
