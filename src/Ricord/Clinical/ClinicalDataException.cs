namespace Ricord.Clinical;

/// <summary>A clinical file that cannot be imported at all (no MRN column, unreadable sheet, ambiguous dates).
/// Messages name columns and lines, never a cell's value.</summary>
public sealed class ClinicalDataException : Exception
{
    public ClinicalDataException(string message)
        : base(message)
    {
    }

    public ClinicalDataException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ClinicalDataException()
    {
    }
}
