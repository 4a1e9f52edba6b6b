namespace Ricord.Synth;

/// <summary>MD.ai-style short ids (G_, L_, D_, A_, U_ followed by alphanumerics), derived from the seed and a key.</summary>
internal static class MdaiIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Make(char prefix, ulong seed, string key, int length = 6)
    {
        ulong h = SeededRandom.SubSeed(seed, key);
        var chars = new char[length + 2];
        chars[0] = prefix;
        chars[1] = '_';
        for (int i = 0; i < length; i++)
        {
            chars[i + 2] = Alphabet[(int)(h % (ulong)Alphabet.Length)];
            h /= (ulong)Alphabet.Length;
            if (h == 0)
            {
                h = SeededRandom.SubSeed(seed, key + "/" + i);
            }
        }

        return new string(chars);
    }
}
