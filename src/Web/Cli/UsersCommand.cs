using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportLens.Analytics.Accounts;
using SupportLens.Web.Apis;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Cli;

/// <summary>
/// `supportlens users add | list | remove | password`: the people who may sign in (DESIGN.md §7). While `serve` runs it
/// owns the database: use the users page or the API instead.
/// </summary>
internal static class UsersCommand
{
    internal static Command Create(TextWriter output, TextReader input, TimeProvider time)
    {
        var users = new Command("users", "Manage who may sign in to the dashboards and the API.");
        users.Subcommands.Add(Add(output, input, time));
        users.Subcommands.Add(List(output, time));
        users.Subcommands.Add(Remove(output, time));
        users.Subcommands.Add(Password(output, input, time));
        return users;
    }

    private static Command Add(TextWriter output, TextReader input, TimeProvider time)
    {
        var name = new Argument<string>("NAME") { Description = "The user name (a success manager's is matched against clients.success_manager)." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", UserRoles.All)}.", Required = true, HelpName = "ROLE" };
        role.AcceptOnlyFromAmong([.. UserRoles.All]);
        var clients = new Option<string?>("--clients") { Description = "Client ids a success manager sees besides their own, comma-separated.", HelpName = "ID,..." };
        var email = new Option<string?>("--email") { Description = "E-mail address (reports are sent there).", HelpName = "ADDR" };
        var passwordStdin = PasswordStdin();
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("add", "Add a user; without --password-stdin a password is made up and printed once.");
        command.Arguments.Add(name);
        foreach (var option in new Option[] { role, clients, email, passwordStdin, json, data })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var password = parse.GetValue(passwordStdin) ? ReadPassword(input) : null;
            using var services = CliServices.Build(parse, data, null, time);
            var directory = services.GetRequiredService<UserDirectory>();
            var ids = (parse.GetValue(clients) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (user, generated) = Run(() => directory.Add(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(email), password, ids));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new NewUserDocument(UserDocument.Build(user), generated), JsonOutput.Options));
            }
            else
            {
                output.WriteLine($"Added {user.Name} ({user.Role}).");
                if (generated is not null)
                {
                    output.WriteLine($"Password: {generated}   (shown once; change it with `supportlens users password {user.Name} --password-stdin`)");
                }
            }
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command List(TextWriter output, TimeProvider time)
    {
        var json = CommonOptions.Json();
        var data = CommonOptions.Data();
        var command = new Command("list", "List the users with role, e-mail and clients.");
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            var all = services.GetRequiredService<UserDirectory>().Users();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new UsersDocument([.. all.Select(UserDocument.Build)]), JsonOutput.Options));
                return SupportLensCli.Done;
            }
            if (all.Count == 0)
            {
                output.WriteLine("no users yet (`supportlens serve` creates admin on first start)");
            }
            foreach (var u in all)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{u.Name,-24} {u.Role,-16} {u.Email ?? "-",-32} {(u.Clients.Count == 0 ? "-" : string.Join(',', u.Clients))}"));
            }
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command Remove(TextWriter output, TimeProvider time)
    {
        var name = new Argument<string>("NAME") { Description = "The user to remove (their API tokens are revoked)." };
        var data = CommonOptions.Data();
        var command = new Command("remove", "Remove a user and revoke their API tokens.");
        command.Arguments.Add(name);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            using var services = CliServices.Build(parse, data, null, time);
            if (!services.GetRequiredService<UserDirectory>().Remove(parse.GetValue(name)!))
            {
                throw new CliFailure($"there is no user named '{parse.GetValue(name)}'");
            }
            output.WriteLine($"Removed {parse.GetValue(name)}.");
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Command Password(TextWriter output, TextReader input, TimeProvider time)
    {
        var name = new Argument<string>("NAME") { Description = "Whose password to set." };
        var passwordStdin = PasswordStdin();
        var data = CommonOptions.Data();
        var command = new Command("password", "Set a user's password (their sign-ins end); without --password-stdin one is made up and printed once.");
        command.Arguments.Add(name);
        command.Options.Add(passwordStdin);
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            var password = parse.GetValue(passwordStdin) ? ReadPassword(input) : Secrets.NewPassword();
            using var services = CliServices.Build(parse, data, null, time);
            var user = Run(() => services.GetRequiredService<UserDirectory>().SetPassword(parse.GetValue(name)!, password));
            output.WriteLine(parse.GetValue(passwordStdin) ? $"Set the password of {user.Name}." : $"Password of {user.Name}: {password}   (shown once)");
            return SupportLensCli.Done;
        });
        return command;
    }

    private static Option<bool> PasswordStdin() => new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (keeps it out of the shell history).",
    };

    private static string ReadPassword(TextReader input) =>
        input.ReadLine() is { Length: > 0 } line ? line : throw new CliUsageException("--password-stdin: standard input has no password line");

    /// <summary>An account rule broken (name taken, short password) is bad usage.</summary>
    internal static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (AccountException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
