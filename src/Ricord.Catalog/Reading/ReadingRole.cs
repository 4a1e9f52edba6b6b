namespace Ricord.Catalog;

/// <summary>What a person does in reading: a reader labels blinded, an adjudicator resolves disagreements seeing
/// every read, a curator runs projects (and may reopen a submitted read). Also the role a <see cref="Read"/> is made in.</summary>
public enum ReadingRole
{
    Reader,
    Adjudicator,
    Curator,
}
