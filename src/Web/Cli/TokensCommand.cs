using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Web.Apis;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Cli;

/// <summary>`supportlens tokens create | list | revoke`: API tokens (<c>Authorization: Bearer ...</c>), stored as hashes.</summary>
internal static class TokensCommand
{
    internal static Command Create(TextWriter output, TimeProvider time)
    {
        var tokens = new Command("tokens", "Manage API tokens (Authorization: Bearer ...).");
        tokens.Subcommands.Add(CreateToken(output, time));
        tokens.Subcommands.Add(List(output, time));
        tokens.Subcommands.Add(Revoke(output, time));
        return tokens;
    }

    private static Command CreateToken(TextWriter output, TimeProvider time)
    {
        var user = new Option<string>("--user") { Description = "Whose token it is: it can do what the user can.", Required = true, HelpName = "NAME" };
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("create", "Create an API token and print it (once: only its hash is kept).");
        command.Options.Add(user);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            var issued = UsersCommand.Run(() => services.GetRequiredService<UserDirectory>().CreateToken(parse.GetValue(user)!));
            output.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(new NewTokenDocument(issued.TokenId, issued.UserName, issued.Token, issued.Prefix), JsonOutput.Options)
                : issued.Token);
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command List(TextWriter output, TimeProvider time)
    {
        var user = new Option<string?>("--user") { Description = "Only this user's tokens.", HelpName = "NAME" };
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("list", "List API tokens: id, prefix, user, created, revoked (never the token).");
        command.Options.Add(user);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            var all = services.GetRequiredService<UserDirectory>().Tokens(parse.GetValue(user));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new TokensDocument(all), JsonOutput.Options));
                return SupportLensCli.Done;
            }
            foreach (var t in all)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t.TokenId,5}  {t.Prefix}…  {t.UserName,-24} created {t.CreatedAt:yyyy-MM-dd HH:mm}Z  {(t.RevokedAt is { } r ? $"revoked {r:yyyy-MM-dd HH:mm}Z" : "active")}"));
            }
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command Revoke(TextWriter output, TimeProvider time)
    {
        var id = new Argument<long>("TOKEN_ID") { Description = "The token's id (see `tokens list`)." };
        var data = CommonOptions.Data();
        var command = new Command("revoke", "Revoke an API token: requests with it are refused from now on.");
        command.Arguments.Add(id);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            if (!services.GetRequiredService<UserDirectory>().RevokeToken(parse.GetValue(id)))
            {
                throw new CliFailure(string.Create(CultureInfo.InvariantCulture, $"there is no active token {parse.GetValue(id)} (see `supportlens tokens list`)"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Revoked token {parse.GetValue(id)}."));
            return SupportLensCli.Done;
        });
        return command;
    }
}
