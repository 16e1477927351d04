using System.Text;
using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Clients;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Cli;

/// <summary>How to sign in to the demo's dashboards: the admin's password, or why the demo cannot show it.</summary>
internal sealed record DemoSignIn(string? Password, string Note, string? SuccessManager = null);

/// <summary>
/// The demo's people, made once, on a data directory with no users: <c>admin</c>, an executive and one user per success
/// manager of the clients export, each with an @example.com address, so the monthly job has someone to deliver to and a
/// success manager's scoped view can be tried. They share one password: <c>SUPPORTLENS_ADMIN_PASSWORD</c>, or a random one
/// kept in DATA/demo-password (owner-only) so that a second run can print it again. A data directory that already has
/// users is left as it is.
/// </summary>
internal static class DemoUsers
{
    internal const string PasswordFile = "demo-password";

    internal const string Executive = "Avery Chen";

    internal static DemoSignIn Ensure(UserDirectory users, ClientDirectory clients, string dataDirectory, string? configuredPassword)
    {
        var file = Path.Combine(dataDirectory, PasswordFile);
        if (users.EnsureFirstAdmin(configuredPassword) is not { } admin)
        {
            return File.Exists(file)
                ? new DemoSignIn(File.ReadAllText(file).Trim(), $"kept in {file}", users.Users().FirstOrDefault(u => u.Role == UserRoles.SuccessManager)?.Name)
                : !string.IsNullOrEmpty(configuredPassword)
                    ? new DemoSignIn(null, "as admin with the password in SUPPORTLENS_ADMIN_PASSWORD")
                    : new DemoSignIn(null, "this data directory had users before the demo: sign in with yours");
        }

        var password = admin.GeneratedPassword ?? configuredPassword!;
        users.Add(Executive, UserRoles.Executive, Email(Executive), password, []);
        var managers = clients.All().Select(c => c.SuccessManager?.Trim()).OfType<string>().Where(m => m.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        foreach (var manager in managers)
        {
            users.Add(manager, UserRoles.SuccessManager, Email(manager), password, []);
        }

        if (admin.GeneratedPassword is null)
        {
            return new DemoSignIn(null, "as admin with the password in SUPPORTLENS_ADMIN_PASSWORD", managers.FirstOrDefault());
        }

        WriteOwnerOnly(file, password);
        return new DemoSignIn(password, $"kept in {file}", managers.FirstOrDefault());
    }

    /// <summary>"Sofia Marquez" → sofia.marquez@example.com (example.com is reserved: nothing is ever delivered there).</summary>
    internal static string Email(string name)
    {
        var local = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                local.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '.' or '_') && local.Length > 0 && local[^1] != '.')
            {
                local.Append('.');
            }
        }

        return $"{local.ToString().Trim('.')}@example.com";
    }

    private static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.WriteLine(content);
    }
}
