using System.Text.Json;

namespace SupportLens.Web.Tests.Cli;

/// <summary>`supportlens users` and `supportlens tokens` (DESIGN.md §7).</summary>
public sealed class UsersCommandTests
{
    private static CliResult Run(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SupportLens.Web.Cli.SupportLensCli.Run(args, output, error, TimeProvider.System, new StringReader(input ?? ""));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Users_are_added_with_a_password_from_stdin_or_a_made_up_one_and_listed()
    {
        using var dir = new TempDirectory();
        var sam = Run("sam's long password\n", "users", "add", "sam", "--role", "success-manager", "--clients", "C1, C2", "--email", "sam@example.com",
            "--password-stdin", "--json", "--data", dir.Path);
        Assert.Equal(0, sam.ExitCode);
        using (var json = JsonDocument.Parse(sam.Output))
        {
            Assert.Equal("sam", json.RootElement.GetProperty("user").GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("generated_password").ValueKind);
            Assert.Equal(["C1", "C2"], json.RootElement.GetProperty("user").GetProperty("clients").EnumerateArray().Select(c => c.GetString()));
        }
        var exec = Run(null, "users", "add", "exec", "--role", "executive", "--data", dir.Path);
        Assert.Equal(0, exec.ExitCode);
        Assert.Matches(@"Password: [A-Za-z0-9_-]{20} ", exec.Output);

        var list = Run(null, "users", "list", "--data", dir.Path);
        Assert.Contains("exec ", list.Output);
        Assert.Contains("sam@example.com", list.Output);
        using var listed = JsonDocument.Parse(Run(null, "users", "list", "--json", "--data", dir.Path).Output);
        Assert.Equal(["exec", "sam"], listed.RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("--role", "owner")]
    [InlineData("--role", "planner", "--password-stdin")]
    public void Bad_users_are_usage_errors(params string[] options)
    {
        using var dir = new TempDirectory();
        var result = Run("short\n", ["users", "add", "pat", .. options, "--data", dir.Path]);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_name_twice_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(null, "users", "add", "pat", "--role", "planner", "--data", dir.Path).ExitCode);
        var again = Run(null, "users", "add", "pat", "--role", "admin", "--data", dir.Path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already a user named 'pat'", again.Error);
    }

    [Fact]
    public void Tokens_are_printed_once_listed_by_prefix_and_revoked()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(null, "users", "add", "bot", "--role", "planner", "--data", dir.Path).ExitCode);
        var created = Run(null, "tokens", "create", "--user", "bot", "--data", dir.Path);
        Assert.Equal(0, created.ExitCode);
        var token = created.Output.Trim();
        Assert.Matches("^slt_[A-Za-z0-9_-]{43}$", token);

        var list = Run(null, "tokens", "list", "--data", dir.Path);
        Assert.DoesNotContain(token, list.Output);
        Assert.Contains(token[..10], list.Output);
        Assert.Contains("active", list.Output);

        Assert.Equal(0, Run(null, "tokens", "revoke", "1", "--data", dir.Path).ExitCode);
        Assert.Contains("revoked", Run(null, "tokens", "list", "--data", dir.Path).Output);
        Assert.Equal(1, Run(null, "tokens", "revoke", "1", "--data", dir.Path).ExitCode);
        Assert.Equal(2, Run(null, "tokens", "create", "--user", "nobody", "--data", dir.Path).ExitCode);
    }

    [Fact]
    public void A_removed_user_is_gone_and_a_new_password_is_printed_once()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Run(null, "users", "add", "temp", "--role", "planner", "--data", dir.Path).ExitCode);
        var password = Run(null, "users", "password", "temp", "--data", dir.Path);
        Assert.Matches(@"Password of temp: [A-Za-z0-9_-]{20} ", password.Output);
        Assert.Equal(0, Run(null, "users", "remove", "temp", "--data", dir.Path).ExitCode);
        Assert.Equal(1, Run(null, "users", "remove", "temp", "--data", dir.Path).ExitCode);
    }
}
