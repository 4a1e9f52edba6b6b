using System.Text;

namespace Ricord.Synth;

/// <summary>
/// Latin letters with diacritics to plain ASCII (ü → u, Ł → L, ß → ss, Æ → AE), for folder names and
/// burned-in text. A table, because string normalisation is unavailable under invariant globalisation;
/// letters of other scripts become <c>replacement</c>.
/// </summary>
internal static class AsciiFold
{
    private const string From = "ÀÁÂÃÄÅĄàáâãäåąÇĆČçćčĎďÈÉÊËĘĚèéêëęěÌÍÎÏìíîïŁłÑŃŇñńňÒÓÔÕÖØòóôõöøŘřŚŠśšŤťÙÚÛÜŮùúûüůÝýÿŹŻŽźżžÐðÞþ";
    private const string To = "AAAAAAAaaaaaaaCCCcccDdEEEEEEeeeeeeIIIIiiiiLlNNNnnnOOOOOOooooooRrSSssTtUUUUUuuuuuYyyZZZzzzDdTt";

    public static string Fold(string s, char replacement)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s)
        {
            int i = From.IndexOf(ch);
            if (ch < 128)
            {
                sb.Append(ch);
            }
            else if (i >= 0)
            {
                sb.Append(To[i]);
            }
            else
            {
                sb.Append(ch switch
                {
                    'ß' => "ss",
                    'Æ' => "AE",
                    'æ' => "ae",
                    _ => char.IsLetter(ch) ? replacement.ToString() : string.Empty,
                });
            }
        }

        return sb.ToString();
    }
}
