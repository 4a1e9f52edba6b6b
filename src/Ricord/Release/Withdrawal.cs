namespace Ricord.Release;

/// <summary>An item withdrawn from a release: a patient pseudonym, Study or Series Instance UID, and why.</summary>
public sealed record Withdrawal(string Id, string Reason);
