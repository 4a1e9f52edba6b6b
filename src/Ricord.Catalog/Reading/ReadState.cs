namespace Ricord.Catalog;

/// <summary>Where a read stands. Only <see cref="Assigned"/> reads (nothing saved yet) move when work is rebalanced.</summary>
public enum ReadState
{
    Assigned,
    InProgress,
    Submitted,
}
