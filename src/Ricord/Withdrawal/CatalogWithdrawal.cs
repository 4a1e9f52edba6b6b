namespace Ricord.Withdrawal;

/// <summary>
/// What <see cref="CatalogWithdrawalService.WithdrawAsync"/> removed from one collection: whole studies (a listed study,
/// or every series of it listed), series (those of the removed studies and the listed ones alone), instances, reader and
/// adjudicator reads on the removed studies, reads whose drawings on a removed series were taken out (a new version),
/// and blobs deleted (an instance's blob stays while another instance anywhere has the same content). <see cref="NotFound"/>:
/// listed UIDs that name no study or series of the collection (never there, or removed by an earlier run).
/// </summary>
public sealed record CatalogWithdrawal(int Studies, int Series, int Instances, int Reads, int ReadsEdited, int Blobs, int NotFound)
{
    public static CatalogWithdrawal None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public CatalogWithdrawal Add(CatalogWithdrawal other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Studies + other.Studies, Series + other.Series, Instances + other.Instances, Reads + other.Reads,
            ReadsEdited + other.ReadsEdited, Blobs + other.Blobs, NotFound + other.NotFound);
    }
}
