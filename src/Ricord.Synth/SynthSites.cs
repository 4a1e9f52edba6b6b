namespace Ricord.Synth;

/// <summary>
/// The four built-in sites. Names, UID roots and addresses are invented; UID roots imitate vendor
/// roots in shape only and end in a component no vendor uses (999xxx).
/// </summary>
internal static class SynthSites
{
    public static IReadOnlyList<SynthSite> All { get; } =
    [
        new("419639", "St. Anselm University Hospital", "Hauptstraße 12, 80331 München", "GE MEDICAL SYSTEMS", "Revolution CT", "Definium 8000",
            "GECT", "1.2.840.113619.2.999419", "ISO_IR 100", SynthVendorStyle.GeLike, false, "MM/dd/yyyy", "A{0:D8}",
            ["Müller", "Schäfer", "Größ", "Buc", "Lefèvre", "Núñez", "Jäger", "Weiß"],
            ["Jürgen", "Jérôme", "Zoë", "Anaïs", "José", "Björn", "Renée", "Søren"],
            ["Hänsel^Ursula^^Dr.", "Strauß^Friedrich^^Dr."], ["Hauptstraße", "Bahnhofstraße", "Königsallee"], "München"),
        new("660042", "Szpital Kliniczny Nord", "ul. Łąkowa 7, 00-950 Warszawa", "SIEMENS", "SOMATOM Definition AS+", "Ysio Max",
            "SMCT", "1.3.12.2.1107.5.1.4.999660", "ISO_IR 192", SynthVendorStyle.SiemensLike, false, "dd.MM.yyyy", "ACC-{1:yyyy}-{0:D6}",
            ["Ødegård", "Łukasiewicz", "Żółkiewski", "山田", "Þórsdóttir", "Čapek", "Ångström", "Дмитриев"],
            ["Łukasz", "Åsa", "Ærling", "太郎", "Sigríður", "Jiří", "Małgorzata", "Ольга"],
            ["Wiśniewski^Paweł", "Grünwald^Ægir"], ["ul. Łąkowa", "ul. Świętokrzyska", "al. Jerozolimskie"], "Warszawa"),
        new("440808", "Riverside General Hospital", "1200 Harbor Blvd, Springfield, OR 97477", "Philips", "iCT 256", "DigitalDiagnost",
            "PHCT", "1.3.46.670589.33.1.999440", null, SynthVendorStyle.PhilipsLike, false, "yyyy-MM-dd", "E{0:D7}",
            ["Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis", "Wilson"],
            ["John", "Mary", "Robert", "Patricia", "Michael", "Linda", "David", "Susan"],
            ["Jones^Harold^^Dr.", "Patel^Anita"], ["Harbor Blvd", "Maple Ave", "Oak Street"], "Springfield"),
        new("SITE2", "Hôpital Saint-Éloi", "4 rue de l'Église, 34000 Montpellier", "Agfa", "Aquilion ONE", "CR 85",
            "AGCR", "1.2.124.113532.999002", "ISO_IR 100", SynthVendorStyle.AgfaToshibaLike, true, "dd/MM/yyyy", "{1:yyyyMMdd}.{0:D4}",
            ["Buc", "Dupré", "Lefèbvre", "Moreau", "Gérard", "Faure", "Rousseau", "Noël"],
            ["Jérôme", "Hélène", "François", "Cécile", "Raphaël", "Maëlle", "Benoît", "Inès"],
            ["Béranger^Édouard", "Lacroix^Amélie^^Dr"], ["rue de l'Église", "avenue Foch", "place Molière"], "Montpellier"),
    ];
}
