using System.CommandLine;
using Ricord.Registry;
using Spectre.Console;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord sites add|list</c> and <c>ricord collections add|list</c>: the registry of contributors and collections.</summary>
public static class RegistryCommands
{
    public static Command Sites()
    {
        var command = new Command("sites", "Manage contributing sites (hospitals). A site is identified by a code such as 419639.");
        var code = CliCodes.Site(new Argument<string>("code") { Description = "Site code used in pseudonyms, e.g. 419639 or SITE2." });
        var name = new Option<string?>("--name") { Description = "Human-readable name (kept in the catalog; not PHI)." };
        var data = CliData.CreateOption();
        var add = new Command("add", "Register a site (idempotent).") { code, name, data };
        add.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenAsync(parse.GetValue(data)!, ct).ConfigureAwait(false);
            var site = await dir.Get<RegistryService>().AddSiteAsync(Actor.Local, parse.GetValue(code)!, parse.GetValue(name), ct).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"site {site.Code} (id {site.Id})");
            return ExitCodes.Success;
        });
        var listData = CliData.CreateOption();
        var siteJson = CliJson.Option("id, code, name");
        var list = new Command("list", "List sites.") { siteJson, listData };
        list.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(listData)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var sites = await dir.Get<RegistryService>().ListSitesAsync(Actor.Local, ct).ConfigureAwait(false);
            if (parse.GetValue(siteJson))
            {
                CliJson.WriteArray(parse.InvocationConfiguration.Output, sites, s => new() { ["id"] = s.Id, ["code"] = s.Code, ["name"] = s.Name });
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("code", "name");
            foreach (var s in sites)
            {
                table.AddRow(Markup.Escape(s.Code), Markup.Escape(s.Name));
            }

            CliTable.Write(parse.InvocationConfiguration.Output, table);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }

    public static Command Collections()
    {
        var command = new Command("collections", "Manage collections (e.g. RICORD-1A, RICORD-1C): what pseudonyms are prefixed with and releases are cut from.");
        var name = CliCodes.Collection(new Argument<string>("name") { Description = "Collection name, e.g. RICORD-1A." });
        var description = new Option<string?>("--description") { Description = "What the collection holds." };
        var data = CliData.CreateOption();
        var add = new Command("add", "Register a collection (idempotent).") { name, description, data };
        add.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenAsync(parse.GetValue(data)!, ct).ConfigureAwait(false);
            var entry = await dir.Get<RegistryService>().AddCollectionAsync(Actor.Local, parse.GetValue(name)!, parse.GetValue(description), ct).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"collection {entry.Name} (id {entry.Id})");
            return ExitCodes.Success;
        });
        var listData = CliData.CreateOption();
        var collectionJson = CliJson.Option("id, name, description");
        var list = new Command("list", "List collections.") { collectionJson, listData };
        list.SetAction(async (parse, ct) =>
        {
            using var dir = await CliData.OpenExistingAsync(parse.GetValue(listData)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var collections = await dir.Get<RegistryService>().ListCollectionsAsync(Actor.Local, ct).ConfigureAwait(false);
            if (parse.GetValue(collectionJson))
            {
                CliJson.WriteArray(parse.InvocationConfiguration.Output, collections, c => new() { ["id"] = c.Id, ["name"] = c.Name, ["description"] = c.Description });
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("name", "description");
            foreach (var c in collections)
            {
                table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Description ?? ""));
            }

            CliTable.Write(parse.InvocationConfiguration.Output, table);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
