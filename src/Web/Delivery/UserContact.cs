namespace SupportLens.Web.Delivery;

/// <summary>A SupportLens user who has an email address, as delivery needs to know them.</summary>
/// <param name="Role">The user's role: "executive" users get the executive pack, "success-manager" users their clients' PDFs.</param>
/// <param name="ClientIds">The clients a success manager looks after (empty for other roles).</param>
public sealed record UserContact(string Name, string Email, string Role, IReadOnlyList<string> ClientIds);

/// <summary>The users delivery may address: those with an email (`users add NAME --role ROLE --email ADDR`).</summary>
public interface IUserContacts
{
    IReadOnlyList<UserContact> UsersWithEmail();
}

/// <summary>The users of the web host's directory (read afresh on each call: users are added while the server runs).</summary>
internal sealed class DirectoryUserContacts(SupportLens.Web.Auth.UserDirectory directory) : IUserContacts
{
    public IReadOnlyList<UserContact> UsersWithEmail() =>
        [.. directory.Users().Where(u => !string.IsNullOrWhiteSpace(u.Email)).Select(u => new UserContact(u.Name, u.Email!, u.Role, u.Clients))];
}
